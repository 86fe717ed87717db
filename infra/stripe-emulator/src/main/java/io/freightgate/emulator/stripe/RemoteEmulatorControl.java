package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@link EmulatorControl} over HTTP, for an emulator in another process (the standalone jar). */
public final class RemoteEmulatorControl implements EmulatorControl {

    private final String baseUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Controls the emulator at {@code baseUrl} (e.g. {@code http://127.0.0.1:12111}). */
    public RemoteEmulatorControl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Instant now() {
        return Instant.ofEpochSecond(Json.num(call("GET", "/_emulator/clock", null, null), "now"));
    }

    @Override
    public Instant advanceClock(Duration amount) {
        JsonObject out = call("POST", "/_emulator/clock/advance", Json.obj("seconds", amount.toSeconds()), null);
        return Instant.ofEpochSecond(Json.num(out, "now"));
    }

    @Override
    public String injectFault(FaultRule rule) {
        return Json.requiredStr(call("POST", "/_emulator/faults", ControlApi.faultJson(rule), null), "id");
    }

    @Override
    public void clearFaults() {
        call("DELETE", "/_emulator/faults", null, null);
    }

    @Override
    public List<ReceivedRequest> requests() {
        JsonObject out = call("GET", "/_emulator/requests", null, null);
        return Json.GSON.fromJson(out.get("data"), new TypeToken<List<ReceivedRequest>>() {}.getType());
    }

    @Override
    public void rateLimits(boolean enabled) {
        call("POST", "/_emulator/rate_limits", Json.obj("enabled", enabled), null);
    }

    @Override
    public void webhookBehaviour(WebhookBehaviour b) {
        call(
                "POST",
                "/_emulator/webhooks/behaviour",
                Json.obj(
                        "duplicate", b.duplicate(),
                        "reorder", b.reorder(),
                        "delay_ms", b.delay().toMillis(),
                        "drop_first_attempts", b.dropFirstAttempts(),
                        "reorder_window_ms", b.reorderWindow().toMillis()),
                null);
    }

    @Override
    public List<WebhookDelivery> deliveries() {
        JsonObject out = call("GET", "/_emulator/webhooks/deliveries", null, null);
        return Json.GSON.fromJson(out.get("data"), new TypeToken<List<WebhookDelivery>>() {}.getType());
    }

    @Override
    public void retryWebhooksNow() {
        call("POST", "/_emulator/webhooks/retry", null, null);
    }

    @Override
    public String authenticate(String apiKey, String stripeAccount, String paymentIntentId, boolean succeed) {
        JsonObject out = call(
                "POST",
                "/_emulator/payment_intents/" + paymentIntentId + "/authenticate",
                Json.obj("outcome", succeed ? "succeed" : "fail"),
                apiKey);
        return Json.requiredStr(out, "status");
    }

    @Override
    public void accountRequirements(String apiKey, String accountId, AccountRequirements change) {
        JsonObject body = Json.obj(
                "state",
                change.state().name().toLowerCase(java.util.Locale.ROOT),
                "fields",
                Json.of(change.fields()),
                "deadline",
                change.deadline() == null ? null : change.deadline().getEpochSecond());
        call("POST", "/_emulator/accounts/" + accountId + "/requirements", body, apiKey, null);
    }

    @Override
    public String createDispute(String apiKey, String stripeAccount, String chargeId, DisputeRequest request) {
        JsonObject body = Json.obj(
                "reason", request.reason(),
                "brand", request.brand(),
                "inquiry", request.inquiry(),
                "amount", request.amount());
        return Json.requiredStr(
                call("POST", "/_emulator/charges/" + chargeId + "/dispute", body, apiKey, stripeAccount), "id");
    }

    @Override
    public DisputeEvidence decideDispute(String apiKey, String stripeAccount, String disputeId, boolean won) {
        JsonObject out = call(
                "POST",
                "/_emulator/disputes/" + disputeId + "/decide",
                Json.obj("outcome", won ? "won" : "lost"),
                apiKey,
                stripeAccount);
        return Json.GSON.fromJson(out, DisputeEvidence.class);
    }

    @Override
    public DisputeEvidence disputeEvidence(String apiKey, String stripeAccount, String disputeId) {
        JsonObject out = call("GET", "/_emulator/disputes/" + disputeId + "/evidence", null, apiKey, stripeAccount);
        return Json.GSON.fromJson(out, DisputeEvidence.class);
    }

    /** Wipes every account's state, the faults and the webhook behaviour. */
    public void reset() {
        call("POST", "/_emulator/reset", null, null);
    }

    private JsonObject call(String method, String path, @Nullable JsonObject body, @Nullable String apiKey) {
        return call(method, path, body, apiKey, null);
    }

    private JsonObject call(
            String method,
            String path,
            @Nullable JsonObject body,
            @Nullable String apiKey,
            @Nullable String stripeAccount) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(Json.GSON.toJson(body)));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (stripeAccount != null) {
            b.header("Stripe-Account", stripeAccount);
        }
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Emulator control " + method + " " + path + " -> "
                        + response.statusCode() + ": " + response.body());
            }
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
