package io.freightgate.webhooks.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import io.freightgate.webhooks.InboxEventStatus;
import io.freightgate.webhooks.WebhookEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catches events that never reached an endpoint (it was down longer than Stripe retries, or a delivery was lost): lists
 * {@code GET /v1/events} for the last {@code window} (Stripe keeps 30 days) on the platform account and on every
 * connected account, and stores each event the inbox lacks, exactly as if it had been delivered. Idempotent (the
 * inbox's unique key drops what is there already) and run by one instance at a time (ShedLock). The events are read as
 * raw JSON, so a payload rendered for another API version is stored, never lost.
 */
@Component
public class EventRecovery {

    private static final Logger log = LoggerFactory.getLogger(EventRecovery.class);

    private final StripeClient stripe;
    private final WebhookIntake intake;
    private final InboxStore store;
    private final EventDispatch dispatch;
    private final InboxProcessor processor;
    private final TransactionOperations transactions;
    private final WebhookMetrics metrics;
    private final WebhookProperties.Recovery policy;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    EventRecovery(
            StripeClient stripe,
            WebhookIntake intake,
            InboxStore store,
            EventDispatch dispatch,
            InboxProcessor processor,
            TransactionOperations transactions,
            WebhookMetrics metrics,
            WebhookProperties properties,
            Clock clock) {
        this.stripe = stripe;
        this.intake = intake;
        this.store = store;
        this.dispatch = dispatch;
        this.processor = processor;
        this.transactions = transactions;
        this.metrics = metrics;
        this.policy = properties.recovery();
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${freightgate.webhooks.recovery.interval:PT15M}",
            initialDelayString = "${freightgate.webhooks.recovery.initial-delay:PT1M}")
    @SchedulerLock(name = "webhook-inbox-recovery", lockAtMostFor = "PT30M")
    public void recover() {
        Instant now = clock.instant();
        try {
            int recovered = recoverSince(now.minus(policy.window()), now);
            if (recovered > 0) {
                log.warn("Webhook recovery stored {} event(s) that no delivery had brought", recovered);
                metrics.recovered(recovered);
                processor.nudge();
            }
        } catch (StripeException | RuntimeException e) {
            log.warn("Webhook recovery failed; the next run tries again: {}", e.toString());
        }
    }

    int recoverSince(Instant from, Instant now) throws StripeException {
        int recovered = store(WebhookEndpoint.PLATFORM, Optional.empty(), from, now);
        for (String account : connectedAccounts()) {
            recovered += store(WebhookEndpoint.CONNECT, Optional.of(account), from, now);
        }
        return recovered;
    }

    private int store(WebhookEndpoint endpoint, Optional<String> account, Instant from, Instant now)
            throws StripeException {
        int[] stored = {0};
        page("/v1/events?created%5Bgte%5D=" + from.getEpochSecond(), account, event -> intake.parse(
                        endpoint, json.writeValueAsString(event))
                .ifPresent(parsed -> {
                    InboxEventStatus status =
                            dispatch.isHandled(parsed.type()) ? InboxEventStatus.RECEIVED : InboxEventStatus.IGNORED;
                    if (Boolean.TRUE.equals(transactions.execute(tx -> store.insert(parsed, status, now)))) {
                        log.info("Recovered {} {} ({})", endpoint.key(), parsed.eventId(), parsed.type());
                        stored[0]++;
                    }
                }));
        return stored[0];
    }

    private List<String> connectedAccounts() throws StripeException {
        List<String> accounts = new ArrayList<>();
        page(
                "/v1/accounts?",
                Optional.empty(),
                account -> accounts.add(account.path("id").asString()));
        return accounts;
    }

    /** Walks a Stripe list (newest first) with {@code starting_after}, handing each item over. */
    private void page(String path, Optional<String> account, Consumer<JsonNode> each) throws StripeException {
        var options = RawRequestOptions.builder();
        account.ifPresent(options::setStripeAccount);
        String startingAfter = null;
        for (int pages = 0; pages < 1000; pages++) {
            String url = path + (path.endsWith("?") ? "" : "&") + "limit=100"
                    + (startingAfter == null ? "" : "&starting_after=" + startingAfter);
            JsonNode list = json.readTree(stripe.rawRequest(ApiResource.RequestMethod.GET, url, null, options.build())
                    .body());
            JsonNode data = list.path("data");
            for (JsonNode item : data) {
                each.accept(item);
                startingAfter = item.path("id").asString();
            }
            if (!list.path("has_more").asBoolean(false) || data.isEmpty()) {
                return;
            }
        }
    }
}
