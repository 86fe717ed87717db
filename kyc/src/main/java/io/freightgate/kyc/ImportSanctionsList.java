package io.freightgate.kyc;

import java.util.Objects;

/**
 * Command (operator): replace the active sanctions list of a source with a file. Two CSV layouts are read (see
 * docs/kyc.md): the simple {@code reference,kind,name,aliases} layout and the EU consolidated financial sanctions list
 * ({@code ;}-separated, one row per name alias, columns {@code Entity_LogicalId} and {@code NameAlias_WholeName}).
 *
 * @param source a stable name of the list, e.g. {@code EU-FSF}; importing again replaces it
 */
public record ImportSanctionsList(String source, byte[] csv) {

    public ImportSanctionsList {
        source = Texts.required(source, "source", 64);
        Objects.requireNonNull(csv, "csv");
    }
}
