package io.freightgate.payouts.internal;

import io.freightgate.billing.BilledRequest;
import io.freightgate.billing.BilledRequests;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.payouts.internal.domain.BalanceLine;
import io.freightgate.payouts.internal.domain.Remittances;
import io.freightgate.payouts.internal.stripe.StripePayouts;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Builds a paid payout's remittance: reads the balance transactions from Stripe (outside any transaction), ties each
 * transfer to its payment request through the transfer group, then writes all lines and marks the remittance built in
 * one transaction. Building twice writes nothing the second time; a balance transaction belongs to one remittance only
 * (unique per account), so an on-demand payout never claims what an earlier remittance holds.
 */
@Component
public class RemittanceBuilder {

    private static final Logger log = LoggerFactory.getLogger(RemittanceBuilder.class);

    private final PayoutRecords records;
    private final BilledRequests requests;
    private final StripePayouts stripe;
    private final TransactionOperations transactions;
    private final Clock clock;

    RemittanceBuilder(
            PayoutRecords records,
            BilledRequests requests,
            StripePayouts stripe,
            TransactionOperations transactions,
            Clock clock) {
        this.records = records;
        this.requests = requests;
        this.stripe = stripe;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Builds the remittance of a paid payout unless it exists; throws when Stripe cannot be read (retry later). */
    public void build(PayoutRecords.Payout payout, String actor) {
        TenantId carrier = new TenantId(payout.tenantId());
        String account = payout.stripeAccountId();
        String stripePayoutId = payout.stripePayoutId().orElseThrow();
        List<BalanceLine> lines;
        if (payout.automatic()) {
            lines = Remittances.ofAutomaticPayout(read(account, Optional.of(stripePayoutId)));
        } else {
            Set<String> remitted = Tenancy.callAs(
                    carrier, actor, () -> transactions.execute(status -> records.remittedTransactions(account)));
            lines = Remittances.ofOnDemandPayout(
                    read(account, Optional.empty()),
                    remitted,
                    payout.amount().minor(),
                    payout.amount().currency().getCurrencyCode(),
                    payout.stripeCreatedAt().orElse(payout.createdAt()));
        }
        Map<String, Optional<UUID>> requestOfTransfer = new HashMap<>();
        for (BalanceLine line : lines) {
            line.transferId()
                    .ifPresent(transfer -> requestOfTransfer.computeIfAbsent(transfer, this::paymentRequestOf));
        }
        Tenancy.runAs(
                carrier,
                actor,
                () -> transactions.executeWithoutResult(status -> {
                    PayoutRecords.Payout locked = records.lock(payout.id()).orElseThrow();
                    if (locked.remittanceBuiltAt().isPresent()) {
                        return;
                    }
                    Set<String> remitted = records.remittedTransactions(account);
                    for (BalanceLine line : lines) {
                        if (remitted.contains(line.id())) {
                            continue;
                        }
                        Optional<UUID> requestId = line.transferId().flatMap(requestOfTransfer::get);
                        Optional<BilledRequest> request =
                                requestId.map(PaymentRequestId::new).flatMap(requests::find);
                        records.insertLine(
                                payout.tenantId(),
                                account,
                                new PayoutRecords.Line(
                                        UUID.randomUUID(),
                                        payout.id(),
                                        line.id(),
                                        Remittances.kindOf(line.type()),
                                        line.type(),
                                        line.amountMinor(),
                                        line.feeMinor(),
                                        line.netMinor(),
                                        line.currency(),
                                        request.map(billed -> billed.id().value()),
                                        request.map(BilledRequest::loadReference),
                                        request.map(
                                                billed -> billed.amountPaid().minor()),
                                        line.transferId(),
                                        line.sourceId(),
                                        line.description(),
                                        line.created()));
                    }
                    records.remittanceBuilt(payout.id(), clock.instant());
                }));
        long total = Remittances.total(lines);
        if (total != payout.amount().minor()) {
            log.warn(
                    "Remittance of payout {} ({} {}) holds {} in {} lines: difference {}",
                    stripePayoutId,
                    payout.amount().minor(),
                    payout.amount().currency().getCurrencyCode(),
                    total,
                    lines.size(),
                    payout.amount().minor() - total);
        } else {
            log.info("Remittance of payout {} built: {} lines", stripePayoutId, lines.size());
        }
    }

    private List<BalanceLine> read(String account, Optional<String> payout) {
        return switch (stripe.balanceTransactions(account, payout)) {
            case ProviderOutcome.Approved<List<BalanceLine>>(List<BalanceLine> lines) -> lines;
            case ProviderOutcome.Declined<List<BalanceLine>> declined ->
                throw new IllegalStateException("Stripe refused the balance transactions: " + declined.message());
            case ProviderOutcome.Pending<List<BalanceLine>> pending ->
                throw new IllegalStateException(pending.reason());
            case ProviderOutcome.Unknown<List<BalanceLine>> unknown ->
                throw new IllegalStateException(unknown.reason());
            case ProviderOutcome.NotAttempted<List<BalanceLine>> notAttempted ->
                throw new IllegalStateException(notAttempted.reason());
        };
    }

    private Optional<UUID> paymentRequestOf(String transferId) {
        return switch (stripe.transferGroup(transferId)) {
            case ProviderOutcome.Approved<Optional<String>>(Optional<String> group) ->
                group.flatMap(Remittances::paymentRequestOf);
            case ProviderOutcome.Declined<Optional<String>> declined -> Optional.empty();
            default -> throw new IllegalStateException("Stripe did not answer for transfer " + transferId);
        };
    }
}
