package io.freightgate.kyc;

import java.util.List;
import java.util.Objects;

/**
 * Port: screens names against sanctions lists. KYC ships a list-based implementation (lists imported by an operator,
 * fuzzy name matching, see docs/kyc.md); a commercial screening service can replace it by providing another bean.
 */
public interface SanctionsScreening {

    Result screen(List<ScreenedName> names);

    /** Whose name it is: the organization, its representative or a commercial reference. */
    enum NameRole {
        ORGANIZATION,
        REPRESENTATIVE,
        REFERENCE
    }

    record ScreenedName(String name, NameRole role) {
        public ScreenedName {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * One match. It names the listed party (public list data) and the role of the screened name, never the screened
     * name itself, which may be personal data.
     *
     * @param score similarity in [0, 1]
     */
    record Match(NameRole role, String listedName, String entryReference, String source, double score) {}

    /** The outcome of a screening. */
    sealed interface Result permits Clear, Hit, Unavailable {}

    record Clear() implements Result {}

    record Hit(List<Match> matches) implements Result {
        public Hit {
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("A hit has at least one match");
            }
            matches = List.copyOf(matches);
        }
    }

    /** Screening could not run (no list imported, or the service is down). */
    record Unavailable(String reason) implements Result {}
}
