package io.freightgate.webhooks.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.net.RawRequestOptions;
import io.freightgate.platform.stripe.events.WebhookEndpoint;
import io.freightgate.webhooks.InboxEventStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>An ordinary run asks Stripe only for the events not yet delivered to every endpoint
 * ({@code delivery_success=false}: pending or failed), so events the endpoint already acknowledged are not fetched
 * again. That filter cannot see events created while no endpoint was enabled (Stripe disables an endpoint that fails for
 * days; such events count as delivered to nobody, hence successfully), so a full sweep of the window, without the
 * filter, runs every {@code fullSweepInterval} as well.
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
    private volatile Instant nextFullSweep;

    /** Which events a run asks Stripe for. */
    public enum Scope {
        /** {@code delivery_success=false}: pending or failed on at least one endpoint. */
        UNDELIVERED,
        /** Every event of the window. */
        ALL
    }

    /**
     * What one run did.
     *
     * @param scope which events it asked for
     * @param listedEventIds every event Stripe returned, on the platform and the connected accounts
     * @param storedEventIds those the inbox lacked and now holds
     */
    public record Run(Scope scope, List<String> listedEventIds, List<String> storedEventIds) {
        public Run {
            listedEventIds = List.copyOf(listedEventIds);
            storedEventIds = List.copyOf(storedEventIds);
        }
    }

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
        this.nextFullSweep = clock.instant().plus(policy.fullSweepInterval());
    }

    @Scheduled(
            fixedDelayString = "${freightgate.webhooks.recovery.interval:PT15M}",
            initialDelayString = "${freightgate.webhooks.recovery.initial-delay:PT1M}")
    @SchedulerLock(name = "webhook-inbox-recovery", lockAtMostFor = "PT30M")
    public void recover() {
        Instant now = clock.instant();
        Scope scope = now.isBefore(nextFullSweep) ? Scope.UNDELIVERED : Scope.ALL;
        try {
            run(scope);
            if (scope == Scope.ALL) {
                nextFullSweep = now.plus(policy.fullSweepInterval());
            }
        } catch (StripeException | RuntimeException e) {
            log.warn("Webhook recovery failed; the next run tries again: {}", e.toString());
        }
    }

    /**
     * Lists the window's events of {@code scope} now and stores those the inbox lacks; throws when Stripe cannot be
     * read (nothing is lost: what was stored stays, and the next run lists again).
     */
    public Run run(Scope scope) throws StripeException {
        Instant now = clock.instant();
        Run run = recoverSince(scope, now.minus(policy.window()), now);
        metrics.recoveryRun(
                scope.name().toLowerCase(Locale.ROOT), run.listedEventIds().size());
        if (!run.storedEventIds().isEmpty()) {
            log.warn(
                    "Webhook recovery ({}) stored {} event(s) that no delivery had brought",
                    scope,
                    run.storedEventIds().size());
            metrics.recovered(run.storedEventIds().size());
            processor.nudge();
        }
        return run;
    }

    Run recoverSince(Scope scope, Instant from, Instant now) throws StripeException {
        List<String> listed = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        store(WebhookEndpoint.PLATFORM, Optional.empty(), scope, from, now, listed, stored);
        for (String account : connectedAccounts()) {
            store(WebhookEndpoint.CONNECT, Optional.of(account), scope, from, now, listed, stored);
        }
        return new Run(scope, listed, stored);
    }

    private void store(
            WebhookEndpoint endpoint,
            Optional<String> account,
            Scope scope,
            Instant from,
            Instant now,
            List<String> listed,
            List<String> stored)
            throws StripeException {
        String query = "/v1/events?created%5Bgte%5D=" + from.getEpochSecond()
                + (scope == Scope.UNDELIVERED ? "&delivery_success=false" : "");
        page(query, account, event -> intake.parse(endpoint, json.writeValueAsString(event))
                .ifPresent(parsed -> {
                    listed.add(parsed.eventId());
                    InboxEventStatus status =
                            dispatch.isHandled(parsed.type()) ? InboxEventStatus.RECEIVED : InboxEventStatus.IGNORED;
                    if (Boolean.TRUE.equals(transactions.execute(tx -> store.insert(parsed, status, now)))) {
                        log.info("Recovered {} {} ({})", endpoint.key(), parsed.eventId(), parsed.type());
                        stored.add(parsed.eventId());
                    }
                }));
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
