package io.freightgate.loads;

import io.freightgate.kernel.LoadId;
import java.time.Instant;
import java.util.UUID;

/** A document attached to a load, with the suggestions read from it. */
public record LoadDocumentView(
        UUID id,
        LoadId loadId,
        String kind,
        UUID documentId,
        String fileName,
        DocumentSuggestions suggestions,
        Instant createdAt) {}
