package io.freightgate.ledger.internal.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import io.freightgate.ledger.internal.domain.BalanceTransaction;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.StripeBalancePages;
import io.freightgate.platform.stripe.StripeFailures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Stripe adapter for the daily reconciliation: the balance transactions of the platform account ({@code account}
 * empty) or of a connected account ({@code Stripe-Account}), those created in a window ({@code created[gte]},
 * {@code created[lt]}) or all of one source ({@code source}), every page of them ({@code starting_after}). Read-only, so
 * without idempotency keys; every failure becomes a {@link ProviderOutcome}; no Stripe type leaves this class.
 */
@Component
public class StripeBalanceTransactions {

    private final StripeClient stripe;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeBalanceTransactions(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** The account's balance transactions created in [{@code from}, {@code until}), oldest first. */
    public ProviderOutcome<List<BalanceTransaction>> created(Optional<String> account, Instant from, Instant until) {
        return list(
                account,
                encode("created[gte]") + "=" + from.getEpochSecond() + "&" + encode("created[lt]") + "="
                        + until.getEpochSecond());
    }

    /** Every balance transaction of the account that {@code source} caused, oldest first. */
    public ProviderOutcome<List<BalanceTransaction>> ofSource(Optional<String> account, String source) {
        if (!source.matches("[A-Za-z0-9_]+")) {
            return new ProviderOutcome.NotAttempted<>("Not a Stripe object id");
        }
        return list(account, "source=" + encode(source));
    }

    private ProviderOutcome<List<BalanceTransaction>> list(Optional<String> account, String filter) {
        if (account.isPresent() && !account.get().matches("acct_[A-Za-z0-9]+")) {
            return new ProviderOutcome.NotAttempted<>("Not an account id");
        }
        try {
            List<BalanceTransaction> transactions = new ArrayList<>();
            for (JsonNode transaction : pages(account, filter)) {
                transactions.add(transaction(transaction));
            }
            transactions.sort(Comparator.comparing(BalanceTransaction::created).thenComparing(BalanceTransaction::id));
            return new ProviderOutcome.Approved<>(List.copyOf(transactions));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable balance transactions from Stripe: " + e.getMessage());
        }
    }

    /** Every page of balance transactions on the account (see {@link StripeBalancePages#pages}). */
    List<JsonNode> pages(Optional<String> account, String filter) throws StripeException {
        return StripeBalancePages.pages(stripe, account, filter);
    }

    static BalanceTransaction transaction(JsonNode transaction) {
        String id = transaction.path("id").asString("");
        if (!id.startsWith("txn_")) {
            throw new IllegalArgumentException("No balance transaction id");
        }
        JsonNode source = transaction.path("source");
        String sourceId =
                source.isString() ? source.asString() : source.path("id").asString("");
        return new BalanceTransaction(
                id,
                sourceId.isBlank() ? id : sourceId,
                transaction.path("type").asString(""),
                transaction.path("reporting_category").asString(""),
                transaction.path("amount").asLong(),
                transaction.path("fee").asLong(),
                transaction.path("net").asLong(),
                transaction.path("currency").asString("").toUpperCase(Locale.ROOT),
                Instant.ofEpochSecond(transaction.path("created").asLong()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
