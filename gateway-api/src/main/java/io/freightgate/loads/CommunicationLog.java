package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.loads.internal.ChainedLog;
import io.freightgate.loads.internal.EvidenceRecords;
import io.freightgate.loads.internal.LoadAccess;
import io.freightgate.loads.internal.LoadViews;
import io.freightgate.loads.internal.MimeMessages;
import io.freightgate.loads.internal.domain.HashChain;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A load's communication log: what was said and recorded about the load (messages, forwarded e-mails, and the events
 * the other facades write: load planned, driver assigned, POD uploaded, arrival and departure, delivery confirmed), by
 * whom, through which channel and when. Entries are hash-chained and never changed or deleted (corrections are new
 * entries), so anyone can verify that the log has only grown. Those who may see the load (its carrier, its shipper, the
 * assigned driver) post to it; they and platform staff read it.
 */
@Service
public class CommunicationLog {

    /** Longest message body kept in the communication log. */
    public static final int MAX_MESSAGE = 20_000;

    private final LoadAccess access;
    private final EvidenceRecords evidence;
    private final ChainedLog log;
    private final SystemAccess systemAccess;
    private final Clock clock;

    CommunicationLog(
            LoadAccess access, EvidenceRecords evidence, ChainedLog log, SystemAccess systemAccess, Clock clock) {
        this.access = access;
        this.evidence = evidence;
        this.log = log;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /** A message posted through the API by someone who may see the load (carrier, shipper or assigned driver). */
    public LogEntryView postMessage(LoadId id, LoadViewer viewer, @Nullable String subject, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("A message has 1 to " + MAX_MESSAGE + " characters");
        }
        String title = subject == null ? "" : ChainedLog.oneLine(subject.strip());
        if (title.length() > 200) {
            throw new IllegalArgumentException("A subject has at most 200 characters");
        }
        return systemAccess.transaction(Reach.OWN_TENANT, "message on load " + id, () -> {
            Load load = access.visible(id, viewer);
            return log.append(load, "API", Tenancy.currentActor(), title, text, clock.instant());
        });
    }

    /** An e-mail about the load posted as raw MIME; its sender is the author, its text the body. */
    public LogEntryView postEmail(LoadId id, LoadViewer viewer, byte[] raw) {
        if (raw.length == 0 || raw.length > 1_048_576) {
            throw new FileRefused(FileRefused.Reason.TOO_LARGE, "An e-mail is limited to 1 MiB.");
        }
        MimeMessages mail = MimeMessages.parse(raw);
        String body = mail.text().length() > MAX_MESSAGE ? mail.text().substring(0, MAX_MESSAGE) : mail.text();
        String sent = mail.sentAt().map(at -> "Sent " + at + ". ").orElse("");
        return systemAccess.transaction(Reach.OWN_TENANT, "e-mail on load " + id, () -> {
            Load load = access.visible(id, viewer);
            return log.append(
                    load,
                    "EMAIL",
                    "email:" + ChainedLog.oneLine(mail.from()),
                    ChainedLog.oneLine(mail.subject()),
                    sent + "Posted by " + Tenancy.currentActor() + ".\n\n" + body,
                    clock.instant());
        });
    }

    /** Every entry of the load's log, first to last, with its hashes. */
    public List<LogEntryView> entries(LoadId id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.reach(), "read communication log of load " + id, () -> {
            access.visible(id, viewer);
            return evidence.entries(id).stream().map(LoadViews::entry).toList();
        });
    }

    /** Re-computes the load's chain from the first entry. */
    public ChainVerification verify(LoadId id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.reach(), "verify communication log of load " + id, () -> {
            access.visible(id, viewer);
            var result = HashChain.verify(evidence.entries(id));
            return new ChainVerification(
                    result.intact(), result.entries(), result.firstBrokenSeq(), result.headHash(), clock.instant());
        });
    }

    /** The transcript of the log as plain text, every entry with its hashes, and the verification of the chain. */
    public String transcript(LoadId id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.reach(), "export communication log of load " + id, () -> {
            Load load = access.visible(id, viewer);
            List<HashChain.Entry> entries = evidence.entries(id);
            var result = HashChain.verify(entries);
            var out = new StringBuilder();
            out.append("FreightGate communication log of load ")
                    .append(load.loadNumber())
                    .append(" (")
                    .append(load.id())
                    .append(")\nExported ")
                    .append(clock.instant())
                    .append("\nHash chain: SHA-256(previous_hash || canonical entry); canonical entry = each of")
                    .append(" load id, seq, occurred_at, channel, author, subject, body as <length>:<value>\\n;")
                    .append(" the first previous_hash is 64 zeros.\n\n");
            for (HashChain.Entry entry : entries) {
                out.append("#")
                        .append(entry.seq())
                        .append("  ")
                        .append(entry.occurredAt())
                        .append("  ")
                        .append(entry.channel())
                        .append("  ")
                        .append(entry.author())
                        .append('\n');
                if (!entry.subject().isEmpty()) {
                    out.append("Subject: ").append(entry.subject()).append('\n');
                }
                out.append(entry.body().indent(2));
                out.append("previous_hash ")
                        .append(entry.previousHash())
                        .append("\nhash          ")
                        .append(entry.hash())
                        .append("\n\n");
            }
            out.append("Entries: ")
                    .append(result.entries())
                    .append("\nHead hash: ")
                    .append(result.headHash())
                    .append("\nChain: ")
                    .append(
                            result.intact()
                                    ? "intact"
                                    : "BROKEN at entry #"
                                            + result.firstBrokenSeq().orElseThrow())
                    .append('\n');
            return out.toString();
        });
    }
}
