package io.freightgate.flows;

import io.freightgate.kernel.TenantId;
import io.freightgate.organizations.OrganizationDirectory;
import io.freightgate.organizations.OrganizationView;
import io.freightgate.payouts.PayoutAccountRestored;
import io.freightgate.payouts.PayoutAccountRestricted;
import io.freightgate.payouts.PayoutFailed;
import io.freightgate.platform.notifications.Notification;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.security.Role;
import io.freightgate.security.UserDirectory;
import io.freightgate.security.UserView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A carrier whose payout account becomes restricted (requirements past due: no transfers) is told by mail what Stripe
 * needs, and told again when the account is restored ("you can receive transfers again"); a payout that fails is
 * mailed with the bank's reason. The mail goes to every active
 * {@link Role#CARRIER_ADMIN} of the carrier, or to the organization's contact address when it has none. Names are
 * passed to the templates as they are; the Notifications templates encode them.
 *
 * <p>Exactly one mail per transition: the payments module publishes these events only when a Stripe snapshot changes
 * the account's state, inside the transaction that commits that change and in the carrier's tenant. This listener
 * runs synchronously there and records the mail through the {@link Notifications} outbox in that same transaction, so
 * the mail is sent after the transition commits, never for one that rolls back, and a duplicated, replayed or recovered
 * Stripe event (which applies no transition) sends nothing. An after-commit module listener would add a second
 * at-least-once hop that needs its own deduplication record, for what the outbox already guarantees.
 */
@Component
class PayoutAccountChangesAreMailedToCarrierAdmins {

    static final String RESTRICTED_TEMPLATE = "payout-account-restricted";
    static final String RESTORED_TEMPLATE = "payout-account-restored";
    static final String RESTRICTED_SUBJECT = "FreightGate: transfers to your payout account are paused";
    static final String RESTORED_SUBJECT = "FreightGate: you can receive transfers again";
    static final String PAYOUT_FAILED_TEMPLATE = "payout-failed";
    static final String PAYOUT_FAILED_SUBJECT = "FreightGate: a payout to your bank account failed";

    private static final Logger log = LoggerFactory.getLogger(PayoutAccountChangesAreMailedToCarrierAdmins.class);

    private final UserDirectory users;
    private final OrganizationDirectory organizations;
    private final Notifications notifications;

    PayoutAccountChangesAreMailedToCarrierAdmins(
            UserDirectory users, OrganizationDirectory organizations, Notifications notifications) {
        this.users = users;
        this.organizations = organizations;
        this.notifications = notifications;
    }

    @EventListener
    void on(PayoutAccountRestricted event) {
        String requirements = event.pastDue().isEmpty()
                ? "none named by Stripe (" + event.disabledReason().orElse("payouts disabled") + ")"
                : String.join(", ", event.pastDue());
        mail(event.carrier(), RESTRICTED_SUBJECT, RESTRICTED_TEMPLATE, Map.of("requirements", requirements));
    }

    @EventListener
    void on(PayoutAccountRestored event) {
        mail(event.carrier(), RESTORED_SUBJECT, RESTORED_TEMPLATE, Map.of());
    }

    /** A failed payout: the carrier learns why, and that the money is back in its Stripe balance. */
    @EventListener
    void on(PayoutFailed event) {
        String reason = event.failureMessage()
                .map(message -> event.failureCode()
                        .map(code -> message + " (" + code + ")")
                        .orElse(message))
                .or(event::failureCode)
                .orElse("none given");
        mail(
                event.carrier(),
                PAYOUT_FAILED_SUBJECT,
                PAYOUT_FAILED_TEMPLATE,
                Map.of("amount", event.amount().toString(), "reason", reason, "payout", event.stripePayoutId()));
    }

    private void mail(TenantId carrier, String subject, String template, Map<String, String> details) {
        Optional<OrganizationView> organization = organizations.find(carrier, Reach.OWN_TENANT);
        String organizationName = organization.map(OrganizationView::legalName).orElse("your company");
        List<Recipient> recipients = recipients(carrier, organization);
        if (recipients.isEmpty()) {
            log.warn(
                    "Carrier {} has no active admin and no contact address; payout account notice not mailed", carrier);
            return;
        }
        for (Recipient recipient : recipients) {
            Map<String, String> model = new HashMap<>(details);
            model.put("recipient_name", recipient.name());
            model.put("organization_name", organizationName);
            try {
                notifications.enqueue(new Notification(recipient.address(), subject, template, model));
            } catch (IllegalArgumentException e) {
                // An address the mail path refuses must not undo the account's state change. The message may quote
                // the address, which is personal data: not logged.
                log.warn("Payout notice {} for carrier {} refused for one recipient", template, carrier);
            }
        }
        log.info("Payout notice {} mailed to {} recipient(s) of carrier {}", template, recipients.size(), carrier);
    }

    private record Recipient(String address, String name) {}

    private List<Recipient> recipients(TenantId carrier, Optional<OrganizationView> organization) {
        List<Recipient> admins = users.list(carrier, Reach.OWN_TENANT).stream()
                .filter(user -> user.roles().contains(Role.CARRIER_ADMIN))
                .filter(user -> user.status().equals("ACTIVE") && !user.email().isBlank())
                .map(user -> new Recipient(user.email(), displayName(user)))
                .toList();
        if (!admins.isEmpty()) {
            return admins;
        }
        return organization
                .flatMap(OrganizationView::contactEmail)
                .filter(address -> !address.isBlank())
                .map(address ->
                        List.of(new Recipient(address, organization.get().legalName())))
                .orElse(List.of());
    }

    private static String displayName(UserView user) {
        return user.displayName().isBlank() ? user.email() : user.displayName();
    }
}
