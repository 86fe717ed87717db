package io.freightgate.local.demo;

import io.freightgate.billing.CreatePaymentRequest;
import io.freightgate.billing.PayWith;
import io.freightgate.billing.PaymentRequests;
import io.freightgate.billing.Payments;
import io.freightgate.kernel.Money;
import io.freightgate.kernel.TenantId;
import io.freightgate.loads.LoadPlanning;
import io.freightgate.loads.LoadViewer;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.Tenancy;
import io.freightgate.security.Role;
import io.freightgate.security.UserDirectory;
import io.freightgate.security.UserView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Local mode: once the demo organizations are verified ({@link DemoOrganizationsAreVerified}), the demo carrier
 * bills the demo shipper twice: an open request whose hosted payment page link is appended to
 * {@code demo-credentials.txt} (the token is a credential: never logged), and request {@value #PAID_LOAD}, paid by card
 * ({@code pm_card_visa}) through the Stripe emulator. Later starts find {@value #PAID_LOAD} and change nothing.
 */
@Component
@LocalDemo
class DemoShipperHasPaymentRequests {

    private static final Reach ACROSS_TENANTS =
            Reach.acrossTenants("DemoShipperHasPaymentRequests on its own authority");

    static final String PAID_LOAD = "DEMO-LOAD-1001";

    static final String REVIEWED_LOAD = "DEMO-LOAD-1003";
    static final String OPEN_LOAD = "DEMO-LOAD-1002";
    static final String PAY_LINK_LINE = "pay-link ";

    private static final Logger log = LoggerFactory.getLogger(DemoShipperHasPaymentRequests.class);

    private final OrganizationDirectory organizations;
    private final UserDirectory users;
    private final PaymentRequests paymentRequests;
    private final Payments payments;
    private final LoadPlanning loads;
    private final Clock clock;
    private final Path file;

    DemoShipperHasPaymentRequests(
            OrganizationDirectory organizations,
            UserDirectory users,
            PaymentRequests paymentRequests,
            Payments payments,
            LoadPlanning loads,
            Clock clock,
            @Value("${freightgate.local.data-dir}") String dataDirectory) {
        this.organizations = organizations;
        this.users = users;
        this.paymentRequests = paymentRequests;
        this.payments = payments;
        this.loads = loads;
        this.clock = clock;
        this.file = Path.of(dataDirectory).resolve(DemoLogins.FILE_NAME);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    void seed() {
        Optional<TenantId> carrier = demo(DemoOrganizationsAreVerified.CARRIER);
        Optional<TenantId> shipper = demo(DemoOrganizationsAreVerified.SHIPPER);
        if (carrier.isEmpty() || shipper.isEmpty()) {
            return;
        }
        String dispatcher = user(carrier.get(), Role.CARRIER_DISPATCHER);
        boolean seeded =
                Tenancy.callAs(carrier.get(), dispatcher, () -> paymentRequests.list(Reach.OWN_TENANT, 200).stream()
                        .anyMatch(request -> request.loadReference().equals(PAID_LOAD)));
        if (seeded) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PaymentRequests.Created open = Tenancy.callAs(
                carrier.get(),
                dispatcher,
                () -> paymentRequests.create(
                        carrier.get(),
                        request(
                                shipper.get(),
                                185_000,
                                OPEN_LOAD,
                                Optional.empty(),
                                "Rotterdam, NL",
                                "Munich, DE",
                                today,
                                14)));
        // The demo load (seeded by DemoLoad before this) is delivered: its payment request points to it.
        Optional<UUID> demoLoad =
                Tenancy.callAs(carrier.get(), dispatcher, () -> loads.list(LoadViewer.organization(), 200).stream()
                        .filter(load -> load.loadNumber().equals(PAID_LOAD))
                        .map(load -> load.id().value())
                        .findFirst());
        PaymentRequests.Created paid = Tenancy.callAs(
                carrier.get(),
                dispatcher,
                () -> paymentRequests.create(
                        carrier.get(),
                        request(shipper.get(), 125_000, PAID_LOAD, demoLoad, "Hamburg, DE", "Lyon, FR", today, 7)));
        String payer = user(shipper.get(), Role.SHIPPER_PAYER);
        var attempt = Tenancy.callAs(
                        shipper.get(),
                        payer,
                        () -> payments.pay(paid.request().id(), new PayWith.Card("pm_card_visa", Optional.empty())))
                .accepted()
                .orElseThrow();
        // Radar scores this card's charge elevated: the authorization waits in the fraud review queue for an analyst.
        PaymentRequests.Created reviewed = Tenancy.callAs(
                carrier.get(),
                dispatcher,
                () -> paymentRequests.create(
                        carrier.get(),
                        request(
                                shipper.get(),
                                98_000,
                                REVIEWED_LOAD,
                                Optional.empty(),
                                "Antwerp, BE",
                                "Milan, IT",
                                today,
                                14)));
        var inReview = Tenancy.callAs(
                shipper.get(),
                payer,
                () -> payments.pay(
                        reviewed.request().id(), new PayWith.Card("pm_card_riskLevelElevated", Optional.empty())));
        append(List.of(
                "== Demo payment requests (" + DemoOrganizationsAreVerified.CARRIER + " bills "
                        + DemoOrganizationsAreVerified.SHIPPER + ")",
                "Open the link in a browser and pay with a test card (pm_card_visa, 3-D Secure, declined...) or a"
                        + " test IBAN.",
                PAY_LINK_LINE + OPEN_LOAD + "  " + open.paymentPageUrl(),
                "paid     " + PAID_LOAD + "  payment request " + paid.request().id() + " (" + attempt.outcome()
                        + ", pm_card_visa)",
                "review   " + REVIEWED_LOAD + "  payment request "
                        + reviewed.request().id() + " ("
                        + inReview.getClass().getSimpleName()
                        + ", pm_card_riskLevelElevated: authorized, held for a risk analyst at /api/v1/fraud/reviews)",
                ""));
        log.info(
                "Demo payment requests {} (open), {} (paid) and {} (in fraud review) created; the pay link is in {}",
                OPEN_LOAD,
                PAID_LOAD,
                REVIEWED_LOAD,
                file);
    }

    private static CreatePaymentRequest request(
            TenantId shipper,
            long minor,
            String load,
            Optional<UUID> loadId,
            String origin,
            String destination,
            LocalDate today,
            int dueIn) {
        return new CreatePaymentRequest(
                shipper,
                Money.of(minor, "EUR"),
                load,
                loadId,
                origin,
                destination,
                today.minusDays(3),
                today.minusDays(1),
                today.plusDays(dueIn),
                Optional.of("Net " + dueIn),
                Optional.of("Demo freight " + origin + " - " + destination),
                false);
    }

    private Optional<TenantId> demo(String name) {
        return organizations.list(ACROSS_TENANTS).stream()
                .filter(organization -> organization.legalName().equals(name))
                .map(OrganizationView::id)
                .findFirst();
    }

    private String user(TenantId organization, Role role) {
        return users.list(organization, ACROSS_TENANTS).stream()
                .filter(user -> user.roles().contains(role))
                .map(UserView::id)
                .map(UUID::toString)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo " + role + " in " + organization));
    }

    private void append(List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
