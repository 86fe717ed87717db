package io.freightgate.kyc;

/**
 * The outcome of a command on a KYB case: done, with the case as it now is, or refused with a reason. Refusals are
 * business outcomes, not errors; the REST edge maps {@link Refusal#NO_CASE} to 404, {@link Refusal#WRONG_STATE} and
 * {@link Refusal#CASE_EXISTS} to 409 and the others to 422.
 */
public sealed interface CaseChange permits CaseChange.Done, CaseChange.Refused {

    record Done(CaseView view) implements CaseChange {}

    record Refused(Refusal refusal, String detail) implements CaseChange {}

    /** Why a command was refused; nothing was stored. */
    enum Refusal {
        /** The organization has no case (or it is another tenant's). */
        NO_CASE,
        CASE_EXISTS,
        /** The case's state does not allow the command (see {@link CaseState}). */
        WRONG_STATE,
        /** The VAT number fails the offline check (country, format, length or check digit). */
        INVALID_VAT_NUMBER,
        /** This kind of document is not asked of this kind of organization. */
        DOCUMENT_NOT_ALLOWED,
        /** The file: empty, too large, not PDF/JPEG/PNG by content, a bad file name, or a PDF with scripts/encryption. */
        DOCUMENT_REFUSED,
        /** The expiry date is missing where required, or already passed. */
        EXPIRY_DATE,
        /** Submission needs every required document (current, unexpired) and, for carriers, a reference. */
        INCOMPLETE,
        /** The approval policy does not hold: screening, VAT, documents or references (detail says which). */
        APPROVAL_BLOCKED,
        NO_SUCH_REFERENCE,
        TOO_MANY_REFERENCES,
        /** No sanctions hit to dismiss. */
        NO_SANCTIONS_HIT
    }
}
