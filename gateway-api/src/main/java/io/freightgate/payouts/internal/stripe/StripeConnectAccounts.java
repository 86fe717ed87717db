package io.freightgate.payouts.internal.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import io.freightgate.payouts.OnboardingLink;
import io.freightgate.payouts.OpenPayoutAccount.PayoutInterval;
import io.freightgate.payouts.internal.domain.AccountSnapshot;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.StripeFailures;
import io.freightgate.platform.stripe.calls.StripeCalls;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Stripe Connect adapter: creates carriers' connected accounts and onboarding links, and reads accounts. It
 * translates every Stripe failure into a {@link ProviderOutcome}; no Stripe type leaves it. Accounts are read as raw
 * JSON (from the API or an event payload) by one parser, so a payload rendered for another API version is still
 * understood.
 */
@Component
public class StripeConnectAccounts {

    /** Metadata FreightGate puts on every account it creates, to find the carrier from the account. */
    public static final String TENANT_METADATA = "freightgate_tenant";

    /** Metadata on every account FreightGate creates: the payout account's id (what a lost creation is found by). */
    public static final String PAYOUT_ACCOUNT_METADATA = "freightgate_payout_account";

    /** How far before the intent an account made for it may have been created (clocks differ a little). */
    static final Duration CLOCK_SLACK = Duration.ofHours(1);

    private final StripeClient stripe;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeConnectAccounts(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** What the connected account is opened with. */
    public record NewAccount(
            UUID payoutAccountId, UUID tenant, String country, Optional<String> email, PayoutInterval interval) {}

    /**
     * Creates the account with controller properties for platform-managed payouts: the platform pays Stripe's fees
     * and bears negative balances, Stripe collects the requirements, the carrier gets the Express dashboard.
     * The idempotency key derives from the payout account's id ({@link #idempotencyKey}), so repeating after an
     * unknown outcome returns the same account. A recorded call: one request, no network retries of the SDK.
     */
    public ProviderOutcome<AccountSnapshot> create(NewAccount account, Instant observedAt) {
        var params = AccountCreateParams.builder()
                .setCountry(account.country())
                .setController(AccountCreateParams.Controller.builder()
                        .setFees(AccountCreateParams.Controller.Fees.builder()
                                .setPayer(AccountCreateParams.Controller.Fees.Payer.APPLICATION)
                                .build())
                        .setLosses(AccountCreateParams.Controller.Losses.builder()
                                .setPayments(AccountCreateParams.Controller.Losses.Payments.APPLICATION)
                                .build())
                        .setRequirementCollection(AccountCreateParams.Controller.RequirementCollection.STRIPE)
                        .setStripeDashboard(AccountCreateParams.Controller.StripeDashboard.builder()
                                .setType(AccountCreateParams.Controller.StripeDashboard.Type.EXPRESS)
                                .build())
                        .build())
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder()
                                .setRequested(true)
                                .build())
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                .setRequested(true)
                                .build())
                        .build())
                .setSettings(AccountCreateParams.Settings.builder()
                        .setPayouts(AccountCreateParams.Settings.Payouts.builder()
                                .setSchedule(schedule(account.interval()))
                                .build())
                        .build())
                .setMetadata(Map.of(
                        TENANT_METADATA, account.tenant().toString(),
                        PAYOUT_ACCOUNT_METADATA, account.payoutAccountId().toString()));
        account.email().ifPresent(params::setEmail);
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(idempotencyKey(account.payoutAccountId()))
                .setMaxNetworkRetries(StripeCalls.NETWORK_RETRIES)
                .build();
        try {
            Account created = stripe.v1().accounts().create(params.build(), options);
            return parseAccount(created.getLastResponse().body(), observedAt, true);
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /** The idempotency key of the creation of a payout account's Connect account. */
    public static String idempotencyKey(UUID payoutAccountId) {
        return "fg-payout-account-" + payoutAccountId;
    }

    /**
     * Looks up (read-only) the Connect account FreightGate asked Stripe to make for {@code payoutAccountId}: the
     * platform's connected accounts created since shortly before {@code intendedAt} whose {@link
     * #PAYOUT_ACCOUNT_METADATA} is that id. Approved(empty) when Stripe has none.
     */
    public ProviderOutcome<Optional<AccountSnapshot>> find(
            UUID payoutAccountId, Instant intendedAt, Instant observedAt) {
        long since = intendedAt.minus(CLOCK_SLACK).getEpochSecond();
        try {
            String after = null;
            for (int page = 0; page < 100; page++) {
                JsonNode list = json.readTree(stripe.rawRequest(
                                ApiResource.RequestMethod.GET,
                                "/v1/accounts?limit=100&" + encode("created[gte]") + "=" + since
                                        + (after == null ? "" : "&starting_after=" + encode(after)),
                                null)
                        .body());
                JsonNode data = list.path("data");
                for (JsonNode account : data) {
                    if (payoutAccountId
                            .toString()
                            .equals(account.path("metadata")
                                    .path(PAYOUT_ACCOUNT_METADATA)
                                    .asString(""))) {
                        return new ProviderOutcome.Approved<>(Optional.of(snapshot(account, observedAt, true)));
                    }
                }
                if (!list.path("has_more").asBoolean(false) || data.isEmpty()) {
                    return new ProviderOutcome.Approved<>(Optional.empty());
                }
                after = data.get(data.size() - 1).path("id").asString();
            }
            return new ProviderOutcome.Unknown<>("Too many connected accounts to look through");
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable accounts from Stripe: " + e.getMessage());
        }
    }

    /** The account as it is now ({@code observedAt}: when the fetch began). */
    public ProviderOutcome<AccountSnapshot> retrieve(String accountId, Instant observedAt) {
        if (!accountId.matches("acct_[A-Za-z0-9]+")) {
            return new ProviderOutcome.NotAttempted<>("Not an account id");
        }
        try {
            var response = stripe.rawRequest(ApiResource.RequestMethod.GET, "/v1/accounts/" + accountId, null);
            return parseAccount(response.body(), observedAt, true);
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /** A fresh single-use onboarding link ({@code account_onboarding}, currently due fields). */
    public ProviderOutcome<OnboardingLink> onboardingLink(String accountId, URI refreshUrl, URI returnUrl) {
        try {
            AccountLink link = stripe.v1()
                    .accountLinks()
                    .create(AccountLinkCreateParams.builder()
                            .setAccount(accountId)
                            .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                            .setRefreshUrl(refreshUrl.toString())
                            .setReturnUrl(returnUrl.toString())
                            .build());
            return new ProviderOutcome.Approved<>(
                    new OnboardingLink(URI.create(link.getUrl()), Instant.ofEpochSecond(link.getExpiresAt())));
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /** The account in an {@code account.updated} payload, read as JSON; empty if it cannot be read. */
    public Optional<AccountSnapshot> fromEvent(String payload, Instant created) {
        try {
            JsonNode object = json.readTree(payload).path("data").path("object");
            if (!"account".equals(object.path("object").asString(""))) {
                return Optional.empty();
            }
            return Optional.of(snapshot(object, created, false));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private ProviderOutcome<AccountSnapshot> parseAccount(String body, Instant observedAt, boolean fetched) {
        try {
            return new ProviderOutcome.Approved<>(snapshot(json.readTree(body), observedAt, fetched));
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable account from Stripe: " + e.getMessage());
        }
    }

    static AccountSnapshot snapshot(JsonNode account, Instant observedAt, boolean fetched) {
        String id = account.path("id").asString("");
        if (!id.startsWith("acct_")) {
            throw new IllegalArgumentException("No account id");
        }
        Map<String, String> capabilities = new LinkedHashMap<>();
        JsonNode caps = account.path("capabilities");
        for (String name : caps.propertyNames()) {
            JsonNode value = caps.get(name);
            capabilities.put(
                    name,
                    value.isString() ? value.asString() : value.path("status").asString("inactive"));
        }
        JsonNode requirements = account.path("requirements");
        JsonNode deadline = requirements.path("current_deadline");
        JsonNode disabled = requirements.path("disabled_reason");
        JsonNode tenant = account.path("metadata").path(TENANT_METADATA);
        return new AccountSnapshot(
                id,
                account.path("charges_enabled").asBoolean(false),
                account.path("payouts_enabled").asBoolean(false),
                account.path("details_submitted").asBoolean(false),
                capabilities,
                new AccountSnapshot.Requirements(
                        strings(requirements.path("currently_due")),
                        strings(requirements.path("eventually_due")),
                        strings(requirements.path("past_due")),
                        disabled.isString() ? Optional.of(disabled.asString()) : Optional.empty(),
                        deadline.isIntegralNumber()
                                ? Optional.of(Instant.ofEpochSecond(deadline.asLong()))
                                : Optional.empty()),
                tenant.isString() ? Optional.of(tenant.asString()) : Optional.empty(),
                observedAt,
                fetched);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isString() && !value.asString().contains(",")) {
                values.add(value.asString());
            }
        }
        return values;
    }

    private static AccountCreateParams.Settings.Payouts.Schedule schedule(PayoutInterval interval) {
        var schedule = AccountCreateParams.Settings.Payouts.Schedule.builder();
        switch (interval) {
            case DAILY -> schedule.setInterval(AccountCreateParams.Settings.Payouts.Schedule.Interval.DAILY);
            case WEEKLY ->
                schedule.setInterval(AccountCreateParams.Settings.Payouts.Schedule.Interval.WEEKLY)
                        .setWeeklyAnchor(AccountCreateParams.Settings.Payouts.Schedule.WeeklyAnchor.FRIDAY);
            case MONTHLY ->
                schedule.setInterval(AccountCreateParams.Settings.Payouts.Schedule.Interval.MONTHLY)
                        .setMonthlyAnchor(1L);
            case MANUAL -> schedule.setInterval(AccountCreateParams.Settings.Payouts.Schedule.Interval.MANUAL);
        }
        return schedule.build();
    }
}
