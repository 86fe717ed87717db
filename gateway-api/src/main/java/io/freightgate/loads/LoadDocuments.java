package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import io.freightgate.kernel.Money;
import io.freightgate.loads.internal.ChainedLog;
import io.freightgate.loads.internal.EvidenceRecords;
import io.freightgate.loads.internal.LoadAccess;
import io.freightgate.loads.internal.LoadFiles;
import io.freightgate.loads.internal.domain.DocumentPatterns;
import io.freightgate.loads.internal.domain.Load;
import io.freightgate.platform.documents.ContentType;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The papers of a load: rate confirmations, bills of lading (BOL), CMR consignment notes and PODs as PDFs. Each one's
 * text is read for suggestions (the load reference, amounts, dates, addresses) that a person confirms: nothing
 * recognized is ever applied to a load by itself. The carrier attaches documents to its loads; those who may see the
 * load read them.
 */
@Service
public class LoadDocuments {

    private final LoadAccess access;
    private final EvidenceRecords evidence;
    private final LoadFiles files;
    private final ChainedLog log;
    private final SystemAccess systemAccess;
    private final Clock clock;

    LoadDocuments(
            LoadAccess access,
            EvidenceRecords evidence,
            LoadFiles files,
            ChainedLog log,
            SystemAccess systemAccess,
            Clock clock) {
        this.access = access;
        this.evidence = evidence;
        this.files = files;
        this.log = log;
        this.systemAccess = systemAccess;
        this.clock = clock;
    }

    /** Reads a rate confirmation, BOL or CMR (PDF) without storing it, to prefill a new load. */
    public DocumentSuggestions suggest(byte[] pdf) {
        return suggestions(files.text(pdf));
    }

    /** Stores a document of the load and returns what was recognized in it (to confirm, never applied here). */
    public LoadDocumentView attach(LoadId id, String kind, String fileName, byte[] pdf) {
        String normalized = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!Set.of("RATE_CONFIRMATION", "BOL", "CMR", "POD").contains(normalized)) {
            throw new IllegalArgumentException("kind must be RATE_CONFIRMATION, BOL, CMR or POD");
        }
        String text = files.text(pdf);
        return systemAccess.transaction(Reach.OWN_TENANT, "document for load " + id, () -> {
            Load load = access.managed(id, LoadViewer.organization());
            UUID documentId = files.store(
                            load, "load-" + normalized.toLowerCase(Locale.ROOT), fileName, pdf, Set.of(ContentType.PDF))
                    .id()
                    .value();
            Instant now = clock.instant();
            UUID rowId = UUID.randomUUID();
            String kept = text.length() > 100_000 ? text.substring(0, 100_000) : text;
            String name = LoadFiles.safeName(fileName);
            evidence.insertDocument(
                    rowId,
                    load.id(),
                    load.tenantId(),
                    load.shipperId(),
                    normalized,
                    documentId,
                    name,
                    kept,
                    Tenancy.currentActor(),
                    now);
            log.append(
                    load,
                    "SYSTEM",
                    "system",
                    "Document uploaded",
                    normalized + " " + name + " uploaded by " + Tenancy.currentActor() + ".",
                    now);
            return new LoadDocumentView(rowId, load.id(), normalized, documentId, name, suggestions(kept), now);
        });
    }

    /** The documents of the load, with what was recognized in each. */
    public List<LoadDocumentView> list(LoadId id, LoadViewer viewer) {
        return systemAccess.transaction(viewer.reach(), "read documents of load " + id, () -> {
            access.visible(id, viewer);
            return evidence.documents(id).stream()
                    .map(row -> new LoadDocumentView(
                            row.id(),
                            row.loadId(),
                            row.kind(),
                            row.documentId(),
                            row.fileName(),
                            suggestions(row.text()),
                            row.createdAt()))
                    .toList();
        });
    }

    static DocumentSuggestions suggestions(String text) {
        var recognized = DocumentPatterns.recognize(text);
        List<Money> amounts = new ArrayList<>();
        for (var amount : recognized.amounts()) {
            try {
                amounts.add(Money.of(amount.minor(), amount.currency()));
            } catch (IllegalArgumentException e) {
                // an amount in a currency Money does not know is not a suggestion
            }
        }
        return new DocumentSuggestions(
                recognized.loadReference(),
                recognized.bolNumber(),
                recognized.cmrNumber(),
                List.copyOf(amounts),
                recognized.dates(),
                recognized.pickupDate(),
                recognized.deliveryDate(),
                recognized.pickupAddress(),
                recognized.deliveryAddress());
    }
}
