package io.freightgate.emulator.stripe;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The in-process {@link EmulatorControl}; the HTTP control API delegates here too. */
final class LocalControl implements EmulatorControl {

    private final Engine engine;
    private final FaultInjector faults;
    private final RateLimiter rateLimiter;
    private final WebhookDispatcher webhooks;
    private final PaymentIntentEndpoints paymentIntents;
    private final ConnectEndpoints connect;
    private final DisputeEndpoints disputes;
    private final RequestLog received;

    LocalControl(
            Engine engine,
            FaultInjector faults,
            RateLimiter rateLimiter,
            WebhookDispatcher webhooks,
            PaymentIntentEndpoints paymentIntents,
            ConnectEndpoints connect,
            DisputeEndpoints disputes,
            RequestLog received) {
        this.received = received;
        this.engine = engine;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.webhooks = webhooks;
        this.paymentIntents = paymentIntents;
        this.connect = connect;
        this.disputes = disputes;
    }

    ConnectEndpoints connect() {
        return connect;
    }

    /** Runs {@code action} on a scope under the lock, persists and publishes its events. */
    private <T> T inScope(
            String apiKey, @Nullable String account, java.util.function.BiFunction<Scope, Engine.Call, T> action) {
        Engine.Call call = Engine.Call.system();
        T result;
        engine.lock.lock();
        try {
            if (account != null && !ConnectEndpoints.exists(engine, apiKey, account)) {
                throw ApiError.noSuch("account", account, "Stripe-Account");
            }
            result = action.apply(engine.scope(apiKey, account), call);
            engine.persist();
        } finally {
            engine.lock.unlock();
        }
        engine.publish(call);
        return result;
    }

    @Override
    public void accountRequirements(String apiKey, String accountId, AccountRequirements change) {
        inScope(apiKey, null, (platform, call) -> {
            connect.changeRequirements(platform, call, connect.account(platform, accountId, "account"), change);
            return null;
        });
    }

    @Override
    public String createDispute(String apiKey, String stripeAccount, String chargeId, DisputeRequest request) {
        return inScope(
                apiKey,
                stripeAccount,
                (scope, call) -> Json.str(disputes.openByControl(scope, call, chargeId, request), "id"));
    }

    @Override
    public DisputeEvidence decideDispute(String apiKey, String stripeAccount, String disputeId, boolean won) {
        return inScope(apiKey, stripeAccount, (scope, call) -> {
            JsonObject d = disputes.dispute(scope, disputeId);
            disputes.decide(scope, call, d, won);
            return disputes.evidence(scope, d);
        });
    }

    @Override
    public DisputeEvidence disputeEvidence(String apiKey, String stripeAccount, String disputeId) {
        return inScope(
                apiKey, stripeAccount, (scope, call) -> disputes.evidence(scope, disputes.dispute(scope, disputeId)));
    }

    @Override
    public Instant now() {
        return engine.clock().instant();
    }

    @Override
    public Instant advanceClock(Duration amount) {
        Instant now = engine.clock().advance(amount);
        engine.tick();
        webhooks.wake();
        return now;
    }

    @Override
    public String injectFault(FaultRule rule) {
        return faults.add(rule);
    }

    @Override
    public void clearFaults() {
        faults.clear();
    }

    @Override
    public List<ReceivedRequest> requests() {
        return received.all();
    }

    @Override
    public void rateLimits(boolean enabled) {
        rateLimiter.enabled(enabled);
    }

    @Override
    public void webhookBehaviour(WebhookBehaviour behaviour) {
        webhooks.behaviour(behaviour);
    }

    @Override
    public List<WebhookDelivery> deliveries() {
        return webhooks.deliveries();
    }

    @Override
    public void retryWebhooksNow() {
        webhooks.retryNow();
    }

    @Override
    public String authenticate(String apiKey, String stripeAccount, String paymentIntentId, boolean succeed) {
        Engine.Call call = Engine.Call.system();
        String status;
        engine.lock.lock();
        try {
            Scope scope = engine.scope(apiKey, stripeAccount);
            JsonObject pi = engine.require(scope, paymentIntentId, "payment_intent", "intent");
            paymentIntents.authenticate(scope, call, pi, succeed);
            status = Json.requiredStr(pi, "status");
            engine.persist();
        } finally {
            engine.lock.unlock();
        }
        engine.publish(call);
        return status;
    }

    /** Completes or fails the challenge behind a 3DS page token; returns the redirect URL (or null). */
    @Nullable
    String authenticateByToken(String token, boolean succeed) {
        Engine.Call call = Engine.Call.system();
        String redirect;
        engine.lock.lock();
        try {
            Scope[] scope = new Scope[1];
            JsonObject pi = paymentIntents.byThreeDsToken(token, scope);
            if (pi == null) {
                throw ApiError.noSuch("3DS session", token, "token");
            }
            redirect = paymentIntents.authenticate(scope[0], call, pi, succeed);
            engine.persist();
        } finally {
            engine.lock.unlock();
        }
        engine.publish(call);
        return redirect;
    }

    /** The PaymentIntent summary shown on the 3DS page, or null when the token is unknown or used. */
    @Nullable
    JsonObject threeDsSession(String token) {
        engine.lock.lock();
        try {
            Scope[] scope = new Scope[1];
            JsonObject pi = paymentIntents.byThreeDsToken(token, scope);
            return pi == null
                    ? null
                    : Json.obj(
                            "id",
                            Json.str(pi, "id"),
                            "amount",
                            Json.num(pi, "amount"),
                            "currency",
                            Json.str(pi, "currency"));
        } finally {
            engine.lock.unlock();
        }
    }

    void reset() {
        engine.lock.lock();
        try {
            engine.clear();
        } finally {
            engine.lock.unlock();
        }
        faults.clear();
        received.clear();
        rateLimiter.enabled(false);
        webhooks.behaviour(WebhookBehaviour.normal());
    }

    List<FaultInjector.Active> faults() {
        return faults.active();
    }

    boolean rateLimitsEnabled() {
        return rateLimiter.enabled();
    }
}
