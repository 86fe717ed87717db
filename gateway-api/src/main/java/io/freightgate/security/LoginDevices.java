package io.freightgate.security;

import io.freightgate.kernel.TenantId;
import java.util.List;
import java.util.UUID;

/**
 * The port a completed web login reports its device through (docs/fraud.md, "Devices"): what the login page's device
 * fingerprint collector sent, unread (bounded), for the fraud module to link the device to the user (flows implements
 * it). Called after the login is complete; a failure never fails the login.
 */
public interface LoginDevices {

    /** The longest value passed on; a longer one is dropped whole. */
    int LIMIT = 2_048;

    void loggedIn(UUID user, TenantId organization, List<Role> roles, String collected);
}
