package io.freightgate.flows;

import io.freightgate.fraud.DeviceFingerprints;
import io.freightgate.kernel.TenantId;
import io.freightgate.security.LoginDevices;
import io.freightgate.security.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A completed web login links its device to the user in the fraud module (docs/fraud.md, "Devices"): the login page's
 * collector script sent the browser's attributes, the fraud module makes its keyed device id of them (nothing usable
 * sent: nothing linked). An administrator's login from a device new to them is what a later payout bank account change
 * is checked against (carrier-side fraud).
 */
@Component
class LoginsLinkTheirDevices implements LoginDevices {

    private final DeviceFingerprints devices;

    LoginsLinkTheirDevices(DeviceFingerprints devices) {
        this.devices = devices;
    }

    @Override
    public void loggedIn(UUID user, TenantId organization, List<Role> roles, String collected) {
        boolean admin = roles.contains(Role.CARRIER_ADMIN) || roles.contains(Role.SHIPPER_ADMIN);
        devices.identify(collected).ifPresent(device -> devices.loggedIn(device, organization, user, admin));
    }
}
