package io.freightgate.kyc.internal.domain.kyb;

import io.freightgate.kyc.DocumentKind;
import io.freightgate.kyc.OrganizationKind;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The documents each kind of organization must provide. Carriers: company register extract, transport or community
 * licence, goods-in-transit insurance (with its expiry date) and the representative's ID. Shippers: register extract
 * and the representative's ID. A document counts when it is the current one of its kind and not expired.
 */
public final class RequiredDocuments {

    private static final Set<DocumentKind> CARRIER = EnumSet.of(
            DocumentKind.COMPANY_REGISTER_EXTRACT,
            DocumentKind.TRANSPORT_LICENCE,
            DocumentKind.GOODS_IN_TRANSIT_INSURANCE,
            DocumentKind.REPRESENTATIVE_ID);

    private static final Set<DocumentKind> SHIPPER =
            EnumSet.of(DocumentKind.COMPANY_REGISTER_EXTRACT, DocumentKind.REPRESENTATIVE_ID);

    private RequiredDocuments() {}

    public static Set<DocumentKind> of(OrganizationKind kind) {
        return switch (kind) {
            case CARRIER -> EnumSet.copyOf(CARRIER);
            case SHIPPER -> EnumSet.copyOf(SHIPPER);
        };
    }

    /** Required kinds without a current document that is still valid on {@code today}. */
    public static Set<DocumentKind> missing(
            OrganizationKind kind, Collection<CaseDocument> documents, LocalDate today) {
        Set<DocumentKind> missing = of(kind);
        documents.stream()
                .filter(CaseDocument::isCurrent)
                .filter(document -> !document.isExpiredOn(today))
                .forEach(document -> missing.remove(document.kind()));
        return missing;
    }
}
