package io.freightgate.platform.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every page of Stripe's balance transactions, as raw JSON, for the adapters that need them (the ledger's
 * reconciliation, the payouts' remittances): each parses what it needs, so a payload of another API version is still
 * understood.
 */
public final class StripeBalancePages {

    /** Stripe's largest page. */
    private static final int PAGE = 100;

    /** A ceiling against a list that never ends (a million transactions). */
    public static final int MAX_PAGES = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeBalancePages() {}

    /**
     * Every page of {@code GET /v1/balance_transactions?{filter}} on the account (the platform's when empty), as
     * Stripe's JSON objects. Throws {@link IllegalArgumentException} beyond {@value #MAX_PAGES} pages.
     */
    public static List<JsonNode> pages(StripeClient stripe, Optional<String> account, String filter)
            throws StripeException {
        var options = RawRequestOptions.builder();
        account.ifPresent(options::setStripeAccount);
        RawRequestOptions requestOptions = options.build();
        List<JsonNode> transactions = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String url = "/v1/balance_transactions?limit=" + PAGE + "&" + filter
                    + (after == null ? "" : "&starting_after=" + encode(after));
            JsonNode list = JSON.readTree(stripe.rawRequest(ApiResource.RequestMethod.GET, url, null, requestOptions)
                    .body());
            JsonNode data = list.path("data");
            data.forEach(transactions::add);
            if (!list.path("has_more").asBoolean(false) || data.isEmpty()) {
                return transactions;
            }
            after = data.get(data.size() - 1).path("id").asString();
        }
        throw new IllegalArgumentException("More than " + MAX_PAGES + " pages of balance transactions");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
