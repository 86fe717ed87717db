package io.freightgate.billing;

import io.freightgate.billing.internal.PaymentRequestRecords;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.billing.internal.domain.PaymentRequestState;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds shippers of open requests: once {@code days-before} the due date, and once the day after it passed
 * (overdue). Each reminder is recorded on the request in the same transaction as its mail, so it is sent once however
 * often the job runs and on however many instances. The reminder carries the request's current payment-page link (the
 * first mail's, or the one re-issued since), and a new link when the current one expired.
 */
@Component
public class PaymentReminders {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("PaymentReminders on its own authority");

    private final PaymentRequestRecords requests;
    private final PaymentRequests paymentRequests;
    private final OrganizationDirectory directory;
    private final Notifications notifications;
    private final SystemAccess systemAccess;
    private final Clock clock;
    private final Period before;

    PaymentReminders(
            PaymentRequestRecords requests,
            PaymentRequests paymentRequests,
            OrganizationDirectory directory,
            Notifications notifications,
            SystemAccess systemAccess,
            Clock clock,
            @Value("${freightgate.payments.reminders.days-before:3}") int daysBefore) {
        this.requests = requests;
        this.paymentRequests = paymentRequests;
        this.directory = directory;
        this.notifications = notifications;
        this.systemAccess = systemAccess;
        this.clock = clock;
        this.before = Period.ofDays(daysBefore);
    }

    /** A reminder sent in one round. */
    public record Sent(PaymentRequestId paymentRequestId, boolean overdue) {}

    @Scheduled(
            fixedDelayString = "${freightgate.payments.reminders.interval:PT1H}",
            initialDelayString = "${freightgate.payments.reminders.initial-delay:PT5M}")
    @SchedulerLock(name = "payment-reminders", lockAtMostFor = "PT30M")
    public void scheduled() {
        run();
    }

    public List<Sent> run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return systemAccess.callAs(
                "job:payment-reminders",
                Optional.empty(),
                "remind shippers of open requests",
                () -> systemAccess.transaction(
                        Reach.OWN_TENANT,
                        "remind",
                        () ->
                                requests
                                        .dueBy(PaymentRequestState.OPEN, today.plus(before), PageRequest.of(0, 500))
                                        .stream()
                                        .flatMap(request -> remind(request, today).stream())
                                        .toList()));
    }

    private Optional<Sent> remind(PaymentRequest request, LocalDate today) {
        boolean overdue = request.dueDate().isBefore(today);
        if (overdue
                ? request.reminderOverdueSentAt().isPresent()
                : request.reminderBeforeSentAt().isPresent()) {
            return Optional.empty();
        }
        Optional<OrganizationView> shipper = directory.find(request.shipper(), ACROSS_TENANTS);
        Optional<String> email = shipper.flatMap(OrganizationView::contactEmail);
        if (overdue) {
            request.remindedOverdue(clock.instant());
        } else {
            request.remindedBeforeDue(clock.instant());
        }
        if (email.isEmpty()) {
            return Optional.empty();
        }
        String carrier = paymentRequests.organizationName(request.carrier());
        String token = paymentRequests.currentPaymentToken(request);
        notifications.enqueue(paymentRequests.mail(
                request,
                email.get(),
                shipper.get().legalName(),
                carrier,
                (overdue ? "Overdue: payment request " : "Reminder: payment request ") + request.loadReference(),
                overdue
                        ? "This payment request was due on " + request.dueDate() + " and is still unpaid."
                        : "This payment request is due on " + request.dueDate() + ".",
                token));
        return Optional.of(new Sent(request.id(), overdue));
    }
}
