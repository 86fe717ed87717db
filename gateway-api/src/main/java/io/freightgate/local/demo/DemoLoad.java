package io.freightgate.local.demo;

import io.freightgate.kernel.TenantId;
import io.freightgate.loads.CommunicationLog;
import io.freightgate.loads.CreateLoad;
import io.freightgate.loads.LoadEvidence;
import io.freightgate.loads.LoadPlanning;
import io.freightgate.loads.LoadViewer;
import io.freightgate.loads.NewStop;
import io.freightgate.loads.TelematicsPing;
import io.freightgate.loads.UploadProofOfDelivery;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.Role;
import io.freightgate.security.UserDirectory;
import io.freightgate.security.UserView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Local mode's demo load {@value #LOAD_NUMBER}: the demo carrier's load for the demo shipper, Hamburg to Lyon, assigned
 * to the demo driver, with telematics pings that give arrival and departure at both stops, a proof-of-delivery photo
 * whose EXIF places it at the consignee, and messages (one by API, one e-mail) in its communication log. Runs after
 * the demo logins exist ({@link DemoLogins}); a later start finds the load and leaves it as it is.
 */
@Component
@LocalDemo
class DemoLoad {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("DemoLoad on its own authority");

    static final String LOAD_NUMBER = "DEMO-LOAD-1001";
    static final String CARRIER = DemoLogins.CARRIER;
    static final String SHIPPER = DemoLogins.SHIPPER;
    private static final String SEEDER = "local-demo-seeder";

    private static final Logger log = LoggerFactory.getLogger(DemoLoad.class);
    private static final Instant PICKUP = Instant.parse("2026-12-01T06:00:00Z");
    private static final Instant DELIVERY = Instant.parse("2026-12-01T14:00:00Z");

    private final LoadPlanning planning;
    private final LoadEvidence evidence;
    private final CommunicationLog communicationLog;
    private final OrganizationDirectory organizations;
    private final UserDirectory users;

    DemoLoad(
            LoadPlanning planning,
            LoadEvidence evidence,
            CommunicationLog communicationLog,
            OrganizationDirectory organizations,
            UserDirectory users) {
        this.planning = planning;
        this.evidence = evidence;
        this.communicationLog = communicationLog;
        this.organizations = organizations;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void seed() {
        Optional<OrganizationView> carrier = named(CARRIER, OrganizationType.CARRIER);
        Optional<OrganizationView> shipper = named(SHIPPER, OrganizationType.SHIPPER);
        if (carrier.isEmpty() || shipper.isEmpty()) {
            log.warn("The demo carrier or shipper is missing; no demo load");
            return;
        }
        TenantId carrierId = carrier.get().id();
        TenantId shipperId = shipper.get().id();
        boolean exists = Tenancy.callAs(carrierId, SEEDER, () -> planning.list(LoadViewer.organization(), 200).stream()
                .anyMatch(load -> load.loadNumber().equals(LOAD_NUMBER)));
        if (exists) {
            return;
        }
        String driver = users.list(carrierId, ACROSS_TENANTS).stream()
                .filter(user -> user.roles().contains(Role.CARRIER_DRIVER))
                .map(UserView::id)
                .map(Object::toString)
                .findFirst()
                .orElse("demo-driver");
        String dispatcher = SEEDER;
        var load = Tenancy.callAs(
                carrierId,
                dispatcher,
                () -> planning.create(
                        carrierId,
                        new CreateLoad(
                                shipperId,
                                LOAD_NUMBER,
                                Optional.of("BOL-DEMO-1001"),
                                Optional.of("CMR-DEMO-1001"),
                                new NewStop("Hafenstrasse 1, 20457 Hamburg, DE", 53.5461, 9.9661, PICKUP),
                                new NewStop("12 Rue de la Republique, 69002 Lyon, FR", 45.7640, 4.8357, DELIVERY),
                                Optional.of(driver))));
        double[][] route = {
            {53.6000, 10.1000},
            {53.5463, 9.9665},
            {53.5462, 9.9663},
            {53.7000, 10.3000},
            {45.7642, 4.8359},
            {45.7641, 4.8356},
            {45.8000, 4.9000}
        };
        long[] minutes = {-20, 0, 40, 55, 470, 485, 520};
        Tenancy.runAs(carrierId, driver, () -> {
            for (int i = 0; i < route.length; i++) {
                evidence.recordTelematics(
                        load.id(),
                        LoadViewer.driver(driver),
                        new TelematicsPing(
                                "DEMO-TRUCK-7",
                                PICKUP.plus(Duration.ofMinutes(minutes[i])),
                                route[i][0],
                                route[i][1],
                                Optional.of(i % 2 == 0 ? 62.0 : 0.0)));
            }
            communicationLog.postMessage(
                    load.id(),
                    LoadViewer.driver(driver),
                    "Loaded",
                    "Loaded 33 pallets in Hamburg, seal 4471. On the way to Lyon.");
            evidence.uploadProofOfDelivery(
                    load.id(),
                    LoadViewer.driver(driver),
                    new UploadProofOfDelivery(
                            "demo-pod.jpg",
                            resource("/local/demo/demo-pod.jpg"),
                            "Jeanne Martin",
                            Instant.parse("2026-12-01T14:10:00Z"),
                            Optional.of(45.76415),
                            Optional.of(4.83585)));
        });
        String mail = """
                From: Jeanne Martin <reception@demo-shipper.test>
                To: loads@freightgate.test
                Subject: DEMO-LOAD-1001 received
                Date: Tue, 1 Dec 2026 14:30:00 +0000
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                All 33 pallets received in good order, seal 4471 intact. Thank you.
                """.replace("\n", "\r\n");
        Tenancy.runAs(
                shipperId,
                SEEDER,
                () -> communicationLog.postEmail(
                        load.id(), LoadViewer.organization(), mail.getBytes(StandardCharsets.UTF_8)));
        log.info("Demo load {} created with telematics, a proof of delivery and messages", LOAD_NUMBER);
    }

    private Optional<OrganizationView> named(String name, OrganizationType type) {
        return organizations.list(ACROSS_TENANTS).stream()
                .filter(organization -> organization.legalName().equals(name) && organization.type() == type)
                .findFirst();
    }

    private static byte[] resource(String path) {
        try (InputStream in = DemoLoad.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
