package io.freightgate.loads;

import java.time.Instant;
import java.util.UUID;

/** A document attached to a load, with the suggestions read from it. */
public record LoadDocumentView(
        UUID id,
        UUID loadId,
        String kind,
        UUID documentId,
        String fileName,
        DocumentSuggestions suggestions,
        Instant createdAt) {}
