package io.freightgate.kyc;

import java.util.UUID;

/** The outcome of {@code KycChecks.importSanctionsList}. */
public sealed interface SanctionsImport permits SanctionsImport.Imported, SanctionsImport.Unreadable {

    /**
     * The list is active; every case in review or verified was screened again.
     *
     * @param casesWithHits cases that now have a sanctions hit (verified ones went back to review)
     */
    record Imported(UUID list, String source, int entries, int names, int casesWithHits) implements SanctionsImport {}

    /** The file could not be read as a sanctions list; the active list is unchanged. */
    record Unreadable(String reason) implements SanctionsImport {}
}
