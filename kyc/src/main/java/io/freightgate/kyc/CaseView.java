package io.freightgate.kyc;

import io.freightgate.kernel.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A KYB case as the organization and compliance see it. Personal data (the representative, reference contacts) is
 * decrypted, or empty when the organization's data key was destroyed. The organization's own view never tells of
 * sanctions screening (no tipping-off): no {@code screening}, no screening steps in the history, and a neutral state
 * reason while a hit is reviewed; compliance's view has them all.
 *
 * @param missingDocuments required kinds with no current, unexpired document
 * @param screening the sanctions screening, for compliance only (empty in the organization's view)
 * @param payoutRequirements the carrier's Stripe Connect requirements, when a {@link PayoutAccountRequirements} is
 *     wired and knows the account
 */
public record CaseView(
        UUID id,
        TenantId organization,
        OrganizationKind kind,
        String legalName,
        String country,
        Optional<String> representativeName,
        CaseState state,
        Optional<String> stateReason,
        List<DocumentView> documents,
        Set<DocumentKind> missingDocuments,
        List<ReferenceView> references,
        Optional<ScreeningView> screening,
        VatStatusView vat,
        Optional<PayoutAccountRequirements.Requirements> payoutRequirements,
        List<HistoryView> history,
        Instant openedAt,
        Optional<Instant> submittedAt,
        Optional<Instant> verifiedAt) {

    /** A document of the case; the file itself is read through {@code KycChecks.readDocument}. */
    public record DocumentView(
            UUID id,
            DocumentKind kind,
            String mediaType,
            long sizeBytes,
            String sha256,
            Optional<LocalDate> expiresOn,
            boolean current,
            Instant uploadedAt,
            String uploadedBy) {}

    /** A commercial reference and what compliance found. */
    public record ReferenceView(
            UUID id,
            String company,
            Optional<String> contact,
            String relationship,
            ReferenceStatus status,
            Optional<String> notes,
            Instant addedAt,
            Optional<Instant> checkedAt,
            Optional<String> checkedBy) {}

    /** The sanctions screening: status and the listed names that matched (public list data, never the input). */
    public record ScreeningView(ScreeningStatus status, List<String> matches, Optional<Instant> screenedAt) {}

    /** One step of the case, as people read it. */
    public record HistoryView(
            Instant at, String actor, String action, Optional<CaseState> from, CaseState to, Optional<String> detail) {}
}
