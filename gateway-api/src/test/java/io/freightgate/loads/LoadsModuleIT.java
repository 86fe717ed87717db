package io.freightgate.loads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.CountryCode;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationType;
import io.freightgate.organizations.RegisterOrganization;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.support.ModuleTestPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;

/**
 * The loads module on its own (with the organizations it plans loads for, and kernel and platform) against the
 * embedded PostgreSQL: its facades driven as the API and the driver page drive them, its events observed as the flows
 * hear them. Only loads and its direct dependencies are started: no payments, no webhooks, no web layer of the API.
 * Local mode and the emulators (the embedded database, the clock) sit under {@code io.freightgate} on the test
 * classpath, so Modulith takes them for modules: they are included explicitly, and the module structure is verified
 * by {@code ModularityTests}, which leaves them out, rather than here ({@code verifyAutomatically = false}).
 */
@Import({ModuleTestPorts.NoRequestTenants.class, ModuleTestPorts.NoRateLimitPolicy.class})
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = {"local", "emulator"},
        verifyAutomatically = false)
class LoadsModuleIT {

    static final double CONSIGNEE_LAT = 45.7640;
    static final double CONSIGNEE_LON = 4.8357;

    @Autowired
    LoadPlanning planning;

    @Autowired
    LoadEvidence evidence;

    @Autowired
    CommunicationLog communicationLog;

    @Autowired
    DriverLinks driverLinks;

    @Autowired
    LoadDocuments documents;

    @Autowired
    OrganizationDirectory organizations;

    @Autowired
    Clock clock;

    record Parties(TenantId carrier, TenantId shipper, String driver) {}

    @Test
    void aPlannedLoadIsAnnouncedAndOpensAnIntactCommunicationLog(AssertablePublishedEvents events) {
        Parties parties = parties();

        LoadView load = plan(parties);

        assertThat(load.status()).isEqualTo("PLANNED");
        assertThat(events)
                .contains(LoadCreated.class)
                .matching(LoadCreated::loadId, load.id())
                .matching(LoadCreated::shipper, parties.shipper());
        var log = asCarrier(parties, () -> communicationLog.entries(load.id(), LoadViewer.organization()));
        assertThat(log).extracting(LogEntryView::seq, LogEntryView::subject).containsExactly(tuple(1L, "Load created"));
        var verification = asCarrier(parties, () -> communicationLog.verify(load.id(), LoadViewer.organization()));
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(1);
        assertThat(asShipper(parties, () -> planning.find(load.id(), LoadViewer.organization())))
                .as("the shipper reads the load")
                .isPresent();
    }

    @Test
    void aPhotoTakenAtTheConsigneeConfirmsTheDeliveryOnStrongEvidence(Scenario scenario) {
        Parties parties = parties();
        LoadView load = plan(parties);
        Instant delivered = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        scenario.stimulate(tx -> asDriver(
                        parties,
                        () -> evidence.uploadProofOfDelivery(
                                load.id(),
                                LoadViewer.driver(parties.driver()),
                                pod(
                                        "pod.jpg",
                                        LoadFixtures.photo(CONSIGNEE_LAT, CONSIGNEE_LON, delivered.minusSeconds(60), 1),
                                        delivered))))
                .andWaitForEventOfType(DeliveryConfirmed.class)
                .matching(event -> event.loadId().equals(load.id()))
                .toArriveAndVerify((event, confirmation) -> {
                    assertThat(event.evidence()).isEqualTo(DeliveryEvidence.strong("pod"));
                    assertThat(event.at()).isEqualTo(delivered);
                    assertThat(event.carrier()).isEqualTo(parties.carrier());
                    assertThat(confirmation.confirmsDelivery()).isTrue();
                    assertThat(confirmation.flags()).isEmpty();
                    assertThat(confirmation.channel()).isEqualTo("API");
                    assertThat(confirmation.uploadedBy()).isEqualTo(parties.driver());
                });

        var delivery = asShipper(parties, () -> planning.find(load.id(), LoadViewer.organization()))
                .orElseThrow();
        assertThat(delivery.status()).isEqualTo("DELIVERED");
        assertThat(delivery.deliveryEvidence()).contains(DeliveryEvidence.strong("pod"));
        assertThat(asCarrier(parties, () -> communicationLog.entries(load.id(), LoadViewer.organization())))
                .extracting(LogEntryView::subject)
                .containsExactly("Load created", "POD uploaded", "Delivery confirmed");
    }

    @Test
    void aProofWithoutPositionIsWeakUntilTheShipperConfirmsTheDelivery(AssertablePublishedEvents events) {
        Parties parties = parties();
        LoadView load = plan(parties);
        Instant delivered = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        var proof = asCarrier(
                parties,
                () -> evidence.uploadProofOfDelivery(
                        load.id(),
                        LoadViewer.organization(),
                        pod("pod.pdf", LoadFixtures.pdf(List.of("Delivered, signed J. Martin")), delivered)));

        assertThat(proof.flags()).contains("NO_PHOTO_POSITION");
        assertThat(events)
                .contains(PodUploaded.class)
                .matching(PodUploaded::confirmationId, proof.id())
                .matching(PodUploaded::flagged, false);
        DeliveryEvidence weak = DeliveryEvidence.weak("pod", List.of(DeliveryEvidence.Weakness.NO_POSITION));

        var confirmed = asShipper(parties, () -> evidence.confirmByShipper(load.id()));
        asShipper(parties, () -> evidence.confirmByShipper(load.id()));

        assertThat(confirmed.deliveryEvidence()).contains(DeliveryEvidence.strong("shipper"));
        assertThat(events.ofType(DeliveryConfirmed.class)
                        .matching(event -> event.loadId().equals(load.id())))
                .as("weak first, strong once on the shipper's word, nothing on the repeat")
                .extracting(DeliveryConfirmed::evidence, DeliveryConfirmed::at)
                .containsExactly(tuple(weak, delivered), tuple(DeliveryEvidence.strong("shipper"), delivered));
    }

    @Test
    void onlyTheLoadsPartiesReachItAndTheCarrierAloneProvesIt() {
        Parties parties = parties();
        Parties others = parties();
        LoadView load = plan(parties);
        var pod = pod("pod.pdf", LoadFixtures.pdf(List.of("Delivered")), clock.instant());

        assertThat(asCarrier(others, () -> planning.find(load.id(), LoadViewer.organization())))
                .isEmpty();
        assertThat(asCarrier(parties, () -> planning.find(load.id(), LoadViewer.driver("another-driver"))))
                .isEmpty();
        assertThatThrownBy(() -> asCarrier(
                        others, () -> evidence.uploadProofOfDelivery(load.id(), LoadViewer.organization(), pod)))
                .isInstanceOf(LoadNotFound.class);
        assertThatThrownBy(() -> asShipper(
                        parties, () -> evidence.uploadProofOfDelivery(load.id(), LoadViewer.organization(), pod)))
                .as("the shipper sees the load but does not prove its delivery")
                .isInstanceOf(LoadNotFound.class);
        assertThatThrownBy(() -> asCarrier(parties, () -> evidence.confirmByShipper(load.id())))
                .as("the carrier cannot confirm on the shipper's behalf")
                .isInstanceOf(LoadNotFound.class);
        assertThatThrownBy(() -> asCarrier(
                        others, () -> communicationLog.postMessage(load.id(), LoadViewer.organization(), "", "hi")))
                .isInstanceOf(LoadNotFound.class);
        assertThatThrownBy(() -> asCarrier(others, () -> documents.list(load.id(), LoadViewer.organization())))
                .isInstanceOf(LoadNotFound.class);
        assertThat(asCarrier(parties, () -> evidence.deliveryConfirmations(load.id(), LoadViewer.organization())))
                .as("nothing was stored by the refused attempts")
                .isEmpty();
    }

    @Test
    void aDriverLinkOpensItsLoadAndRecordsTheProofUploadedThroughIt(AssertablePublishedEvents events) {
        Parties parties = parties();
        LoadView load = plan(parties);
        DriverLink link = asCarrier(parties, () -> driverLinks.create(load.id()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

        assertThat(link.expiresAt()).isAfter(now);
        assertThat(driverLinks.open(link.token())).map(LoadView::id).contains(load.id());
        assertThat(driverLinks.open("x".repeat(43))).isEmpty();
        assertThat(driverLinks.open("not a token")).isEmpty();
        var stored = driverLinks.uploadProofOfDelivery(
                link.token(),
                pod("pod.jpg", LoadFixtures.photo(CONSIGNEE_LAT, CONSIGNEE_LON, now.minusSeconds(30), 1), now));

        assertThat(stored).hasValueSatisfying(confirmation -> {
            assertThat(confirmation.channel()).isEqualTo("DRIVER_LINK");
            assertThat(confirmation.uploadedBy()).isEqualTo("driver-link:" + parties.driver());
            assertThat(confirmation.confirmsDelivery()).isTrue();
        });
        assertThat(events).contains(PodUploaded.class).matching(PodUploaded::loadId, load.id());
        assertThat(events).contains(DeliveryConfirmed.class).matching(DeliveryConfirmed::loadId, load.id());
    }

    private LoadView plan(Parties parties) {
        Instant pickup = clock.instant().minus(Duration.ofHours(12)).truncatedTo(ChronoUnit.SECONDS);
        return asCarrier(
                parties,
                () -> planning.create(
                        parties.carrier(),
                        new CreateLoad(
                                parties.shipper(),
                                "LM-" + UUID.randomUUID().toString().substring(0, 8),
                                Optional.empty(),
                                Optional.of("CMR-1"),
                                new NewStop("Hafenstrasse 1, 20457 Hamburg, DE", 53.5461, 9.9661, pickup),
                                new NewStop(
                                        "12 Rue de la Republique, 69002 Lyon, FR",
                                        CONSIGNEE_LAT,
                                        CONSIGNEE_LON,
                                        pickup.plus(Duration.ofHours(11))),
                                Optional.of(parties.driver()))));
    }

    private static UploadProofOfDelivery pod(String name, byte[] content, Instant deliveredAt) {
        return new UploadProofOfDelivery(
                name, content, "Jeanne Martin", deliveredAt, Optional.empty(), Optional.empty());
    }

    private Parties parties() {
        return new Parties(
                organization(OrganizationType.CARRIER),
                organization(OrganizationType.SHIPPER),
                "driver-" + UUID.randomUUID());
    }

    private TenantId organization(OrganizationType type) {
        return Tenancy.callAs(
                        OrganizationDirectory.PLATFORM,
                        "platform-admin",
                        () -> organizations.register(new RegisterOrganization(
                                type,
                                type + " " + UUID.randomUUID(),
                                CountryCode.of("DE"),
                                Optional.empty(),
                                "ops-" + UUID.randomUUID() + "@example.test")))
                .id();
    }

    private static <T> T asCarrier(Parties parties, Supplier<T> work) {
        return Tenancy.callAs(
                parties.carrier(), "dispatcher-of-" + parties.carrier().value(), work);
    }

    private static <T> T asDriver(Parties parties, Supplier<T> work) {
        return Tenancy.callAs(parties.carrier(), parties.driver(), work);
    }

    private static <T> T asShipper(Parties parties, Supplier<T> work) {
        return Tenancy.callAs(parties.shipper(), "payer-of-" + parties.shipper().value(), work);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
