package io.freightgate.transfers;

import io.freightgate.platform.stripe.calls.StripeCallJanitor;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.transfers.internal.RefundReversalCalls;
import io.freightgate.transfers.internal.TransferProperties;
import io.freightgate.transfers.internal.TransferRecords;
import io.freightgate.transfers.internal.TransferSending;
import io.freightgate.transfers.internal.domain.Transfer;
import io.freightgate.transfers.internal.domain.TransferState;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The transfer release job (one instance at a time). Each round: the transfers' Stripe calls whose answer was lost (a
 * {@code SENDING} transfer, a {@code REVERSING} one, a refund's reversal or restore) are settled by the one
 * {@link StripeCallJanitor} (looked up at Stripe first, sent again with the same key only when Stripe has nothing);
 * then a transfer that waits ({@code PENDING}) or that Stripe refused ({@code FAILED}) is offered to the release
 * policy again and, when it is met, sent (a refused one with the next attempt number, since Stripe keeps its refusal
 * under the old key).
 */
@Component
public class TransferRetries {

    private static final Logger log = LoggerFactory.getLogger(TransferRetries.class);

    private static final int PAGE_SIZE = 200;

    private static final int MAX_PAGES = 50;

    private final TransferRecords records;
    private final StripeCallJanitor janitor;
    private final TransferSending transfers;
    private final TransferProperties properties;
    private final SystemAccess systemAccess;
    private final MeterRegistry meters;
    private final Clock clock;

    TransferRetries(
            TransferRecords records,
            TransferSending transfers,
            StripeCallJanitor janitor,
            TransferProperties properties,
            SystemAccess systemAccess,
            MeterRegistry meters,
            Clock clock) {
        this.records = records;
        this.transfers = transfers;
        this.janitor = janitor;
        this.properties = properties;
        this.systemAccess = systemAccess;
        this.meters = meters;
        this.clock = clock;
    }

    /** What a round did: transfers and calls looked at, and how many of them are no longer open afterwards. */
    public record Round(int examined, int settled) {}

    @Scheduled(
            fixedDelayString = "${freightgate.payments.transfers.interval:PT1M}",
            initialDelayString = "${freightgate.payments.transfers.initial-delay:PT1M}")
    @SchedulerLock(name = "transfer-retries", lockAtMostFor = "PT10M")
    public void scheduled() {
        run();
    }

    /** One round over the open transfers last touched at least {@code minimum-age} ago. */
    public Round run() {
        return systemAccess.callAs("job:transfer-retries", Optional.empty(), "retry carrier transfers", this::round);
    }

    private Round round() {
        List<String> operations = new ArrayList<>(RefundReversalCalls.OPERATIONS);
        operations.add(TransferSending.CREATE);
        operations.add(TransferSending.REVERSAL);
        var calls = janitor.run(operations);
        if (calls.examined() > 0) {
            log.info(
                    "Checked {} transfer call(s) whose answer was lost: {} settled", calls.examined(), calls.settled());
        }
        // Transfers waiting for delivery stay PENDING (and untouched) for days: page through all of them, so the oldest
        // never starve the rest. Pages shift as transfers change; anything skipped is met by the next round.
        List<Transfer> open = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            int number = page;
            List<Transfer> batch = systemAccess.transaction(
                    Reach.OWN_TENANT,
                    "find open transfers",
                    () -> records.openSince(
                            EnumSet.of(TransferState.PENDING, TransferState.FAILED),
                            clock.instant().minus(properties.transfers().minimumAge()),
                            PageRequest.of(number, PAGE_SIZE)));
            open.addAll(batch);
            if (batch.size() < PAGE_SIZE) {
                break;
            }
        }
        int settled = 0;
        for (Transfer transfer : open) {
            try {
                transfers.send(transfer.paymentRequestId());
                TransferState now = systemAccess.transaction(
                        Reach.OWN_TENANT, "read transfer " + transfer.id(), () -> records.findById(
                                        transfer.id().value())
                                .map(Transfer::status)
                                .orElse(transfer.status()));
                if (now != transfer.status() || now == TransferState.SENT) {
                    settled++;
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Retrying the transfer of payment request {}: {}", transfer.paymentRequestId(), e.getMessage());
            }
        }
        meters.counter("freightgate.payments.transfers.retried").increment(open.size());
        return new Round(open.size() + calls.examined(), settled + calls.settled());
    }
}
