package io.freightgate.payouts.internal;

import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.PayoutBankAccountChanged;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears {@code account.external_account.created} on carriers' connected accounts: each bank account is remembered
 * once per carrier ({@code payout_bank_accounts}); one added when the carrier had another already is a payout bank
 * account change, published as {@link PayoutBankAccountChanged} in the same transaction. The first bank account (the
 * onboarding's) is no change. An event for an account FreightGate does not know is ignored. Idempotent: the same
 * bank account heard twice changes nothing.
 */
@Component
class PayoutBankAccountEvents implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PayoutBankAccountEvents.class);

    private final PayoutAccountRecords accounts;
    private final JdbcClient jdbc;
    private final SystemAccess systemAccess;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    PayoutBankAccountEvents(
            PayoutAccountRecords accounts,
            JdbcClient jdbc,
            SystemAccess systemAccess,
            TransactionOperations transactions,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.systemAccess = systemAccess;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("account.external_account.created");
    }

    @Override
    public void handle(InboxEvent event) {
        JsonNode object = json.readTree(event.payload()).path("data").path("object");
        String bankAccount = object.path("id").asString("");
        Optional<String> stripeAccount = event.account()
                .or(() -> Optional.of(object.path("account").asString("")))
                .filter(id -> id.startsWith("acct_"));
        if (stripeAccount.isEmpty() || bankAccount.isEmpty() || bankAccount.length() > 200) {
            return;
        }
        Optional<UUID> carrier = systemAccess.callAs(
                PayoutAccountSynchronizer.ACTOR,
                Optional.empty(),
                "find the carrier of Stripe account " + stripeAccount.get(),
                () -> transactions.execute(status ->
                        accounts.findByStripeAccountId(stripeAccount.get()).map(account -> account.tenantId())));
        if (carrier == null || carrier.isEmpty()) {
            log.info(
                    "Stripe account {} is not a FreightGate payout account; bank account event ignored", stripeAccount);
            return;
        }
        TenantId tenant = new TenantId(carrier.get());
        Tenancy.callAs(
                tenant,
                PayoutAccountSynchronizer.ACTOR,
                () -> transactions.execute(status -> {
                    boolean hadOne = jdbc.sql(
                                    "SELECT EXISTS (SELECT 1 FROM payout_bank_accounts WHERE tenant_id = :tenant)")
                            .param("tenant", tenant.value())
                            .query(Boolean.class)
                            .single();
                    int added = jdbc.sql("""
                            INSERT INTO payout_bank_accounts (tenant_id, stripe_account_id, bank_account_id, first_seen_at)
                            VALUES (:tenant, :account, :bank, :at) ON CONFLICT DO NOTHING
                            """)
                            .param("tenant", tenant.value())
                            .param("account", stripeAccount.get())
                            .param("bank", bankAccount)
                            .param("at", Timestamp.from(event.created()))
                            .update();
                    if (added == 1 && hadOne) {
                        log.info("Carrier {} changed its payout bank account ({})", tenant, bankAccount);
                        events.publishEvent(new PayoutBankAccountChanged(
                                tenant, stripeAccount.get(), bankAccount, event.created()));
                    }
                    return added;
                }));
    }
}
