package io.freightgate.ledger;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.net.RequestOptions;
import com.stripe.param.BalanceTransactionListParams;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger as the database holds it, and its comparison with the balance transactions the Stripe emulator recorded:
 * independent of the application's own reconciliation, so tests can check that one too.
 */
public final class LedgerChecks {

    private static final Reach ACROSS_TENANTS = Reach.acrossTenants("test");

    private final JdbcTemplate jdbc;
    private final SystemAccess systemAccess;
    private final StripeClient stripe;

    public LedgerChecks(JdbcTemplate jdbc, SystemAccess systemAccess, StripeClient stripe) {
        this.jdbc = jdbc;
        this.systemAccess = systemAccess;
        this.stripe = stripe;
    }

    /** The sum of each kind of journal of a payment request (every journal sums to zero). */
    public Map<String, Long> journalTotals(String paymentRequestId) {
        return systemAccess.transaction(ACROSS_TENANTS, "read journals", () -> jdbc
                .query(
                        "SELECT j.kind, sum(e.amount_minor) FROM ledger_journals j JOIN ledger_entries e ON"
                                + " e.journal_id = j.id WHERE j.payment_request_id = ? GROUP BY j.id, j.kind",
                        (rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)),
                        UUID.fromString(paymentRequestId))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum)));
    }

    /** The journals of the whole ledger whose entries do not sum to zero (none, if the ledger is sound). */
    public List<String> unbalancedJournals() {
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "find unbalanced journals",
                () -> jdbc.queryForList(
                        "SELECT j.reference FROM ledger_journals j JOIN ledger_entries e ON e.journal_id = j.id"
                                + " GROUP BY j.id, j.reference HAVING sum(e.amount_minor) <> 0",
                        String.class));
    }

    public List<Long> entries(String paymentRequestId, String accountKind) {
        return systemAccess.transaction(
                ACROSS_TENANTS,
                "read entries",
                () -> jdbc.queryForList(
                        "SELECT amount_minor FROM ledger_entries WHERE payment_request_id = ? AND kind = ? ORDER BY id",
                        Long.class,
                        UUID.fromString(paymentRequestId),
                        accountKind));
    }

    public long sum(String paymentRequestId, String accountKind) {
        return entries(paymentRequestId, accountKind).stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * For every Stripe object the requests' ledger entries on a Stripe balance name: the entries' sum against the sum
     * of {@code net} of the balance transactions Stripe recorded for that object on that account. Empty when all match.
     */
    public List<String> mismatches(Collection<String> paymentRequestIds) throws StripeException {
        List<String> mismatches = new ArrayList<>();
        for (String id : paymentRequestIds) {
            List<Map.Entry<String, Long>> sources = systemAccess.transaction(
                    ACROSS_TENANTS,
                    "read balance entries",
                    () -> jdbc.query(
                            "SELECT coalesce(stripe_account, ''), stripe_source, sum(amount_minor) FROM ledger_entries"
                                    + " WHERE payment_request_id = ? AND stripe_source IS NOT NULL"
                                    + " GROUP BY stripe_account, stripe_source",
                            (rs, n) -> Map.entry(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3)),
                            UUID.fromString(id)));
            if (sources.isEmpty()) {
                mismatches.add(id + ": no entries on a Stripe balance");
            }
            for (var source : sources) {
                String[] key = source.getKey().split("\\|");
                long stripeNet = net(balanceTransactions(key[0].isEmpty() ? null : key[0], key[1]));
                if (stripeNet != source.getValue()) {
                    mismatches.add(
                            id + " " + source.getKey() + ": Stripe " + stripeNet + ", ledger " + source.getValue());
                }
            }
        }
        return mismatches;
    }

    /**
     * A connected account in full: every balance transaction Stripe has on it against the ledger's entries for that
     * account, source by source (payouts included). Empty when all match.
     */
    public List<String> accountMismatches(String connectedAccount) throws StripeException {
        Map<String, Long> stripeNets = new java.util.TreeMap<>();
        for (BalanceTransaction txn : stripe.v1()
                .balanceTransactions()
                .list(
                        BalanceTransactionListParams.builder().setLimit(100L).build(),
                        RequestOptions.builder()
                                .setStripeAccount(connectedAccount)
                                .build())
                .autoPagingIterable(
                        null,
                        RequestOptions.builder()
                                .setStripeAccount(connectedAccount)
                                .build())) {
            stripeNets.merge(txn.getSource(), txn.getNet(), Long::sum);
        }
        Map<String, Long> ledgerNets = new java.util.TreeMap<>();
        systemAccess.transaction(ACROSS_TENANTS, "read the account's entries", () -> {
            jdbc.query(
                    "SELECT stripe_source, sum(amount_minor) FROM ledger_entries WHERE stripe_account = ?"
                            + " GROUP BY stripe_source",
                    rs -> {
                        ledgerNets.put(rs.getString(1), rs.getLong(2));
                    },
                    connectedAccount);
            return null;
        });
        List<String> mismatches = new ArrayList<>();
        java.util.Set<String> sources = new java.util.TreeSet<>(stripeNets.keySet());
        sources.addAll(ledgerNets.keySet());
        for (String source : sources) {
            long s = stripeNets.getOrDefault(source, 0L);
            long l = ledgerNets.getOrDefault(source, 0L);
            if (s != l) {
                mismatches.add(connectedAccount + " " + source + ": Stripe " + s + ", ledger " + l);
            }
        }
        return mismatches;
    }

    public List<BalanceTransaction> balanceTransactions(String account, String source) throws StripeException {
        var options = account == null
                ? RequestOptions.getDefault()
                : RequestOptions.builder().setStripeAccount(account).build();
        return stripe.v1()
                .balanceTransactions()
                .list(BalanceTransactionListParams.builder().setSource(source).build(), options)
                .getData();
    }

    public static long net(List<BalanceTransaction> transactions) {
        return transactions.stream().mapToLong(BalanceTransaction::getNet).sum();
    }
}
