package io.freightgate.loads.internal;

import io.freightgate.loads.LogEntryView;
import io.freightgate.loads.internal.domain.HashChain;
import io.freightgate.loads.internal.domain.Load;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Appends to a load's hash-chained communication log, for every facade that records something about the load. Appends
 * are serialized per load: the load row is locked until the calling facade's transaction ends.
 */
@Component
public class ChainedLog {

    private final LoadRecords loads;
    private final EvidenceRecords evidence;

    ChainedLog(LoadRecords loads, EvidenceRecords evidence) {
        this.loads = loads;
        this.evidence = evidence;
    }

    public LogEntryView append(Load load, String channel, String author, String subject, String body, Instant at) {
        loads.lockById(load.id().value());
        EvidenceRecords.Head head = evidence.head(load.id());
        Instant occurred = at.truncatedTo(ChronoUnit.MICROS);
        long seq = head.seq() + 1;
        String hash = HashChain.hashOf(head.hash(), load.id().value(), seq, occurred, channel, author, subject, body);
        var entry = new HashChain.Entry(
                load.id().value(), seq, occurred, channel, author, subject, body, head.hash(), hash);
        evidence.insertEntry(load.tenantId(), load.shipperId(), entry);
        return LoadViews.entry(entry);
    }

    /** Control characters (line breaks among them) become spaces: a name or a subject stays on one line. */
    public static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }
}
