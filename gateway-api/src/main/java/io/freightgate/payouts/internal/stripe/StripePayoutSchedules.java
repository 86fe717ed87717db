package io.freightgate.payouts.internal.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.net.ApiResource;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountUpdateParams;
import com.stripe.param.AccountUpdateParams.Settings.Payouts.Schedule;
import io.freightgate.payouts.internal.domain.PayoutSchedule;
import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.StripeFailures;
import io.freightgate.platform.stripe.calls.StripeCalls;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and changes a connected account's payout schedule ({@code settings.payouts.schedule}): what payout holds switch
 * to manual payouts and back. Every Stripe failure becomes a {@link ProviderOutcome}; no Stripe type leaves it.
 */
@Component
public class StripePayoutSchedules {

    private final StripeClient stripe;
    private final JsonMapper json = JsonMapper.builder().build();

    StripePayoutSchedules(StripeClient stripe) {
        this.stripe = stripe;
    }

    /** The account's schedule now (read-only). */
    public ProviderOutcome<PayoutSchedule> current(String accountId) {
        if (!accountId.matches("acct_[A-Za-z0-9]+")) {
            return new ProviderOutcome.NotAttempted<>("Not an account id");
        }
        try {
            var response = stripe.rawRequest(ApiResource.RequestMethod.GET, "/v1/accounts/" + accountId, null);
            return parse(response.body());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    /**
     * Sets the account's schedule (a recorded call: one request with {@code idempotencyKey}, no network retries of the
     * SDK) and answers the schedule Stripe then has.
     */
    public ProviderOutcome<PayoutSchedule> set(String accountId, PayoutSchedule schedule, String idempotencyKey) {
        var builder = Schedule.builder();
        switch (schedule.interval()) {
            case "manual" -> builder.setInterval(Schedule.Interval.MANUAL);
            case "daily" -> builder.setInterval(Schedule.Interval.DAILY);
            case "weekly" -> builder.setInterval(Schedule.Interval.WEEKLY);
            case "monthly" -> builder.setInterval(Schedule.Interval.MONTHLY);
            default -> {
                return new ProviderOutcome.NotAttempted<>("Unknown payout interval " + schedule.interval());
            }
        }
        schedule.weeklyAnchor()
                .ifPresent(anchor ->
                        builder.setWeeklyAnchor(Schedule.WeeklyAnchor.valueOf(anchor.toUpperCase(Locale.ROOT))));
        schedule.monthlyAnchor().ifPresent(builder::setMonthlyAnchor);
        schedule.delayDays().ifPresent(builder::setDelayDays);
        var params = AccountUpdateParams.builder()
                .setSettings(AccountUpdateParams.Settings.builder()
                        .setPayouts(AccountUpdateParams.Settings.Payouts.builder()
                                .setSchedule(builder.build())
                                .build())
                        .build())
                .build();
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(idempotencyKey)
                .setMaxNetworkRetries(StripeCalls.NETWORK_RETRIES)
                .build();
        try {
            Account updated = stripe.v1().accounts().update(accountId, params, options);
            return parse(updated.getLastResponse().body());
        } catch (StripeException e) {
            return StripeFailures.failure(e);
        }
    }

    private ProviderOutcome<PayoutSchedule> parse(String body) {
        try {
            JsonNode schedule =
                    json.readTree(body).path("settings").path("payouts").path("schedule");
            String interval = schedule.path("interval").asString("");
            if (interval.isEmpty()) {
                return new ProviderOutcome.Unknown<>("The account has no payout schedule");
            }
            JsonNode delay = schedule.path("delay_days");
            JsonNode weekly = schedule.path("weekly_anchor");
            JsonNode monthly = schedule.path("monthly_anchor");
            return new ProviderOutcome.Approved<>(new PayoutSchedule(
                    interval,
                    delay.isIntegralNumber() ? Optional.of(delay.asLong()) : Optional.empty(),
                    weekly.isString() ? Optional.of(weekly.asString()) : Optional.empty(),
                    monthly.isIntegralNumber() ? Optional.of(monthly.asLong()) : Optional.empty()));
        } catch (JacksonException | IllegalArgumentException e) {
            return new ProviderOutcome.Unknown<>("Unreadable account from Stripe: " + e.getMessage());
        }
    }
}
