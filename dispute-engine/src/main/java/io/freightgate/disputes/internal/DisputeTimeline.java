package io.freightgate.disputes.internal;

import io.freightgate.disputes.DisputeEntry;
import io.freightgate.disputes.DisputeEntryKind;
import io.freightgate.disputes.DisputeId;
import io.freightgate.disputes.internal.domain.DisputeCase;
import io.freightgate.kernel.TenantId;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * The cases' timelines and the notification feed drawn from them: append-only lines in the carrier's tenant (none for
 * an orphan case, which only platform staff see). Runs in the caller's transaction.
 */
@Component
public class DisputeTimeline {

    private final DisputeEntries entries;
    private final Clock clock;

    DisputeTimeline(DisputeEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Appends a line to the case's timeline. */
    public DisputeEntry record(DisputeCase dispute, DisputeEntryKind kind, String actor, String text) {
        return entries.save(new DisputeEntryRecord(
                        dispute.id(),
                        dispute.stripeDisputeId(),
                        dispute.carrier().map(TenantId::value).orElse(null),
                        kind,
                        actor,
                        text,
                        clock.instant()))
                .view();
    }

    public List<DisputeEntry> of(DisputeId id, boolean withInternal) {
        return entries.timeline(id.value(), withInternal).stream()
                .map(DisputeEntryRecord::view)
                .toList();
    }

    public List<DisputeEntry> feed(boolean withInternal, int limit) {
        return entries.feed(withInternal, PageRequest.of(0, Math.clamp(limit, 1, 200))).stream()
                .map(DisputeEntryRecord::view)
                .toList();
    }
}
