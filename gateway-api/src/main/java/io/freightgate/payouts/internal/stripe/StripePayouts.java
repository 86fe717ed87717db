package io.freightgate.payouts.internal.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import io.freightgate.kernel.Money;
import io.freightgate.payouts.PayoutId;
import io.freightgate.payouts.internal.domain.BalanceLine;
import io.freightgate.payouts.internal.domain.PayoutSnapshot;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.StripeBalancePages;
import io.freightgate.platform.stripe.StripeFailures;
import io.freightgate.platform.stripe.calls.StripeCalls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Stripe adapter for carriers' payouts: on-demand payouts from a connected account, payouts as they are now, and
 * the balance transactions of a connected account (those an automatic payout swept, or all of them), each tied to the
 * platform transfer it came from. Raw JSON in, FreightGate's records out; failures become {@link ProviderOutcome}s.
 */
@Component
public class StripePayouts {

    /** Metadata on every on-demand payout: FreightGate's payout id. */
    public static final String PAYOUT_METADATA = "freightgate_payout";

    private final StripeClient stripe;
    private final JsonMapper json = JsonMapper.builder().build();

    StripePayouts(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** An on-demand payout of {@code amount} from the connected account's available balance. */
    public ProviderOutcome<PayoutSnapshot> create(
            String account, PayoutId payoutId, Money amount, String idempotencyKey) {
        String form = "amount=" + amount.minor() + "&currency="
                + amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT)
                + "&" + encode("metadata[" + PAYOUT_METADATA + "]") + "=" + payoutId
                + "&description=" + encode("FreightGate payout");
        try {
            var response = stripe.rawRequest(
                    ApiResource.RequestMethod.POST,
                    "/v1/payouts",
                    form,
                    RawRequestOptions.builder()
                            .setStripeAccount(account)
                            .setIdempotencyKey(idempotencyKey)
                            .setMaxNetworkRetries(StripeCalls.NETWORK_RETRIES)
                            .build());
            return new ProviderOutcome.Approved<>(payout(json.readTree(response.body()), account));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable payout from Stripe: " + e.getMessage());
        }
    }

    /**
     * Looks up (read-only) the on-demand payout FreightGate recorded as {@code payoutId}: the connected account's
     * payouts whose {@link #PAYOUT_METADATA} is that id, newest first. Approved(empty) when Stripe has none.
     */
    public ProviderOutcome<Optional<PayoutSnapshot>> find(String account, PayoutId payoutId) {
        try {
            String after = null;
            for (int page = 0; page < 100; page++) {
                JsonNode list = json.readTree(stripe.rawRequest(
                                ApiResource.RequestMethod.GET,
                                "/v1/payouts?limit=100" + (after == null ? "" : "&starting_after=" + encode(after)),
                                null,
                                RawRequestOptions.builder()
                                        .setStripeAccount(account)
                                        .build())
                        .body());
                JsonNode data = list.path("data");
                for (JsonNode payout : data) {
                    if (payoutId.toString()
                            .equals(payout.path("metadata")
                                    .path(PAYOUT_METADATA)
                                    .asString(""))) {
                        return new ProviderOutcome.Approved<>(Optional.of(payout(payout, account)));
                    }
                }
                if (!list.path("has_more").asBoolean(false) || data.isEmpty()) {
                    return new ProviderOutcome.Approved<>(Optional.empty());
                }
                after = data.get(data.size() - 1).path("id").asString();
            }
            return new ProviderOutcome.Unknown<>("More than 100 pages of payouts on " + account);
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable payouts from Stripe: " + e.getMessage());
        }
    }

    /** The payout as it is now. */
    public ProviderOutcome<PayoutSnapshot> retrieve(String account, String payoutId) {
        if (!payoutId.matches("po_[A-Za-z0-9]+")) {
            return new ProviderOutcome.NotAttempted<>("Not a payout id");
        }
        try {
            var response = stripe.rawRequest(
                    ApiResource.RequestMethod.GET,
                    "/v1/payouts/" + payoutId,
                    null,
                    RawRequestOptions.builder().setStripeAccount(account).build());
            return new ProviderOutcome.Approved<>(payout(json.readTree(response.body()), account));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable payout from Stripe: " + e.getMessage());
        }
    }

    /** The connected account's available balance in {@code currency}, in minor units. */
    public ProviderOutcome<Long> available(String account, String currency) {
        try {
            JsonNode balance = json.readTree(stripe.rawRequest(
                            ApiResource.RequestMethod.GET,
                            "/v1/balance",
                            null,
                            RawRequestOptions.builder()
                                    .setStripeAccount(account)
                                    .build())
                    .body());
            long amount = 0;
            for (JsonNode entry : balance.path("available")) {
                if (entry.path("currency").asString("").equalsIgnoreCase(currency)) {
                    amount += entry.path("amount").asLong();
                }
            }
            return new ProviderOutcome.Approved<>(amount);
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException e) {
            return new ProviderOutcome.Unknown<>("Unreadable balance from Stripe: " + e.getMessage());
        }
    }

    /** The payout in a {@code payout.*} event of a connected account. */
    public Optional<PayoutSnapshot> fromEvent(String payload, String account) {
        try {
            JsonNode object = json.readTree(payload).path("data").path("object");
            return "payout".equals(object.path("object").asString(""))
                    ? Optional.of(payout(object, account))
                    : Optional.empty();
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** FreightGate's payout id in a payout event's metadata, for payouts FreightGate asked for. */
    public Optional<PayoutId> payoutIdOf(String payload) {
        try {
            String id = json.readTree(payload)
                    .path("data")
                    .path("object")
                    .path("metadata")
                    .path(PAYOUT_METADATA)
                    .asString("");
            return id.isEmpty() ? Optional.empty() : Optional.of(PayoutId.of(id));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The connected account's balance transactions, oldest first: those the payout swept when {@code payout} is given
     * (Stripe itemizes automatic payouts only), else all of them. Each {@code payment} (a transfer's destination
     * payment) and {@code payment_refund} (a reversal's) carries the platform transfer it came from.
     */
    public ProviderOutcome<List<BalanceLine>> balanceTransactions(String account, Optional<String> payout) {
        List<BalanceLine> lines = new ArrayList<>();
        Map<String, Optional<String>> transferOfCharge = new HashMap<>();
        try {
            String filter = "expand[]=data.source"
                    + payout.map(id -> "&payout=" + encode(id)).orElse("");
            for (JsonNode transaction : StripeBalancePages.pages(stripe, Optional.of(account), filter)) {
                lines.add(line(account, transaction, transferOfCharge));
            }
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable balance transactions from Stripe: " + e.getMessage());
        }
        lines.sort(java.util.Comparator.comparing(BalanceLine::created).thenComparing(BalanceLine::id));
        return new ProviderOutcome.Approved<>(List.copyOf(lines));
    }

    /** The {@code transfer_group} of a platform transfer (FreightGate's is {@code payment_request_{id}}). */
    public ProviderOutcome<Optional<String>> transferGroup(String transferId) {
        if (!transferId.matches("tr_[A-Za-z0-9]+")) {
            return new ProviderOutcome.NotAttempted<>("Not a transfer id");
        }
        try {
            JsonNode transfer =
                    json.readTree(stripe.rawRequest(ApiResource.RequestMethod.GET, "/v1/transfers/" + transferId, null)
                            .body());
            return new ProviderOutcome.Approved<>(text(transfer.path("transfer_group")));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException e) {
            return new ProviderOutcome.Unknown<>("Unreadable transfer from Stripe: " + e.getMessage());
        }
    }

    private BalanceLine line(String account, JsonNode transaction, Map<String, Optional<String>> transferOfCharge)
            throws StripeException {
        JsonNode source = transaction.path("source");
        Optional<String> sourceId = source.isString() ? text(source) : text(source.path("id"));
        Optional<String> transfer = text(source.path("source_transfer"));
        if (transfer.isEmpty() && source.path("charge").isString()) {
            // A reversal's payment_refund: its charge is the transfer's destination payment.
            String charge = source.path("charge").asString();
            transfer = transferOfCharge.computeIfAbsent(charge, id -> sourceTransfer(account, id));
        }
        return new BalanceLine(
                transaction.path("id").asString(""),
                transaction.path("type").asString(""),
                transaction.path("amount").asLong(),
                transaction.path("fee").asLong(),
                transaction.path("net").asLong(),
                transaction.path("currency").asString("").toUpperCase(Locale.ROOT),
                transaction.path("status").asString(""),
                Instant.ofEpochSecond(transaction.path("created").asLong()),
                Instant.ofEpochSecond(transaction
                        .path("available_on")
                        .asLong(transaction.path("created").asLong())),
                sourceId,
                transfer,
                text(transaction.path("description")));
    }

    private Optional<String> sourceTransfer(String account, String chargeId) {
        if (!chargeId.matches("(py|ch)_[A-Za-z0-9]+")) {
            return Optional.empty();
        }
        try {
            return text(json.readTree(stripe.rawRequest(
                                    ApiResource.RequestMethod.GET,
                                    "/v1/charges/" + chargeId,
                                    null,
                                    RawRequestOptions.builder()
                                            .setStripeAccount(account)
                                            .build())
                            .body())
                    .path("source_transfer"));
        } catch (StripeException | JacksonException e) {
            return Optional.empty();
        }
    }

    static PayoutSnapshot payout(JsonNode payout, String account) {
        String id = payout.path("id").asString("");
        if (!id.startsWith("po_")) {
            throw new IllegalArgumentException("No payout id");
        }
        JsonNode arrival = payout.path("arrival_date");
        return new PayoutSnapshot(
                id,
                account,
                payout.path("amount").asLong(),
                payout.path("currency").asString("").toUpperCase(Locale.ROOT),
                payout.path("status").asString(""),
                payout.path("automatic").asBoolean(false),
                arrival.isIntegralNumber()
                        ? Optional.of(LocalDate.ofInstant(Instant.ofEpochSecond(arrival.asLong()), ZoneOffset.UTC))
                        : Optional.empty(),
                text(payout.path("failure_code")),
                text(payout.path("failure_message")),
                Instant.ofEpochSecond(payout.path("created").asLong()));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? Optional.of(node.asString()) : Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
