package io.freightgate.flows;

import io.freightgate.disputes.DisputeDesk;
import io.freightgate.disputes.DisputeEntryKind;
import io.freightgate.disputes.DisputeOpened;
import io.freightgate.disputes.DisputeResponse;
import io.freightgate.disputes.DisputeView;
import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import io.freightgate.security.UserDirectory;
import io.freightgate.security.UserView;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A dispute opened on a payment is mailed at once to the platform's finance staff (every active {@link
 * Role#FINANCE_AGENT} and {@link Role#FINANCE_SUPERVISOR}) and to the carrier's active {@link Role#CARRIER_ADMIN}s and
 * {@link Role#CARRIER_FINANCE} users, and the case's timeline says how many were mailed. The template encodes every
 * value (company and load names are the users' own words) with the OWASP encoder ({@code MailTemplates}).
 *
 * <p>Like {@link PayoutAccountChangesAreMailedToCarrierAdmins}, the listener runs synchronously in the transaction that
 * opened the case and records the mails through the {@link Notifications} outbox there, so they are sent exactly when
 * the case commits, and a repeated or late Stripe event (which opens nothing) mails nothing.
 */
@Component
class DisputesAreMailedToFinanceAndCarrier {

    static final String TEMPLATE = "dispute-opened";
    static final String SUBJECT = "FreightGate: a payment was disputed";
    private static final Reach STAFF = Reach.acrossTenants("dispute notification");
    private static final Set<Role> FINANCE = Set.of(Role.FINANCE_AGENT, Role.FINANCE_SUPERVISOR);
    private static final Set<Role> CARRIER = Set.of(Role.CARRIER_ADMIN, Role.CARRIER_FINANCE);
    private static final Logger log = LoggerFactory.getLogger(DisputesAreMailedToFinanceAndCarrier.class);

    private final UserDirectory users;
    private final OrganizationDirectory organizations;
    private final Notifications notifications;
    private final DisputeDesk desk;

    DisputesAreMailedToFinanceAndCarrier(
            UserDirectory users, OrganizationDirectory organizations, Notifications notifications, DisputeDesk desk) {
        this.users = users;
        this.organizations = organizations;
        this.notifications = notifications;
        this.desk = desk;
    }

    @EventListener
    void on(DisputeOpened event) {
        DisputeView dispute = desk.dispute(event.disputeId(), STAFF).orElseThrow();
        String organizationName = organizations
                .find(event.carrier(), STAFF)
                .map(OrganizationView::legalName)
                .orElse("the carrier");
        Map<String, String> details = new HashMap<>();
        details.put("organization_name", organizationName);
        details.put("amount", event.amount().toString());
        details.put("load_reference", dispute.loadReference().orElse("(none)"));
        details.put("reason", event.reason());
        details.put("status", event.status().stripe());
        details.put("due_by", event.evidenceDueBy().map(Object::toString).orElse("no response is possible"));
        details.put("dispute_id", event.disputeId().value().toString());
        details.put("response", response(dispute.response()));
        Set<UserView> recipients = new LinkedHashSet<>();
        recipients.addAll(withRoles(OrganizationDirectory.PLATFORM, FINANCE));
        recipients.addAll(withRoles(event.carrier(), CARRIER));
        int mailed = 0;
        for (UserView user : recipients) {
            Map<String, String> model = new HashMap<>(details);
            model.put("recipient_name", user.displayName().isBlank() ? user.email() : user.displayName());
            try {
                notifications.enqueue(new Notification(user.email(), SUBJECT, TEMPLATE, model));
                mailed++;
            } catch (IllegalArgumentException e) {
                // An address the mail path refuses must not undo the case; the address is personal data: not logged.
                log.warn("Dispute notice for {} refused for one recipient", event.stripeDisputeId());
            }
        }
        desk.record(
                event.disputeId(),
                DisputeEntryKind.MAILED,
                "system",
                "Dispute notice mailed to " + mailed + " recipient(s): platform finance staff and the carrier's"
                        + " admins and finance users");
    }

    private List<UserView> withRoles(TenantId organization, Set<Role> roles) {
        return users.list(organization, STAFF).stream()
                .filter(user -> user.status().equals("ACTIVE") && !user.email().isBlank())
                .filter(user -> user.roles().stream().anyMatch(roles::contains))
                .toList();
    }

    private static String response(DisputeResponse response) {
        return switch (response) {
            case EVIDENCE_BY_DUE_DATE ->
                "FreightGate's finance staff will answer with the delivery evidence; you may be asked for documents.";
            case NO_RESPONSE_ALLOWED -> "The bank allows no response to this dispute: it goes straight to recovery.";
            case NO_EVIDENCE_PROCESS ->
                "A SEPA Direct Debit the payer says it never authorized has no evidence process at Stripe: the"
                        + " dispute goes straight to recovery.";
        };
    }
}
