package io.freightgate.kyc.internal.domain.sanctions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a sanctions list file. Two layouts, recognized by the header line:
 *
 * <ul>
 *   <li><b>simple</b> (comma-separated, RFC 4180 quoting): {@code reference,kind,name,aliases}, where {@code kind} is
 *       {@code person} or {@code entity} and {@code aliases} holds further names separated by {@code |};
 *   <li><b>EU consolidated financial sanctions list</b> (the Commission's CSV, {@code ;}-separated): one row per name
 *       alias; the columns {@code Entity_LogicalId}, {@code Entity_SubjectType} (optional) and {@code
 *       NameAlias_WholeName} are read, every other column is ignored.
 * </ul>
 *
 * Names are grouped by reference; rows without a name are skipped.
 */
public final class SanctionsCsv {

    /** A listed party with every name it is known by. */
    public record Entry(String reference, String kind, List<String> names) {}

    public sealed interface Parsed permits Read, Unreadable {}

    public record Read(String format, List<Entry> entries) implements Parsed {
        public int nameCount() {
            return entries.stream().mapToInt(e -> e.names().size()).sum();
        }
    }

    public record Unreadable(String reason) implements Parsed {}

    private SanctionsCsv() {}

    public static Parsed parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstBreak = content.indexOf('\n');
        String header = (firstBreak < 0 ? content : content.substring(0, firstBreak)).strip();
        if (header.isEmpty()) {
            return new Unreadable("The file is empty.");
        }
        if (header.contains("NameAlias_WholeName") && header.contains("Entity_LogicalId")) {
            return read(content, ';', "EU-FSF", "Entity_LogicalId", "Entity_SubjectType", "NameAlias_WholeName", null);
        }
        List<String> columns = rows(header, ',').getFirst().stream()
                .map(c -> c.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (columns.contains("reference") && columns.contains("name")) {
            return read(content, ',', "SIMPLE", "reference", "kind", "name", "aliases");
        }
        return new Unreadable("Unknown layout: expected a header 'reference,kind,name,aliases' or the EU list's"
                + " columns Entity_LogicalId and NameAlias_WholeName.");
    }

    private static Parsed read(
            String content,
            char delimiter,
            String format,
            String refColumn,
            String kindColumn,
            String nameColumn,
            @Nullable String aliasColumn) {
        List<List<String>> rows = rows(content, delimiter);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> header = rows.getFirst();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        Integer ref = index.get(refColumn.toLowerCase(Locale.ROOT));
        Integer name = index.get(nameColumn.toLowerCase(Locale.ROOT));
        Integer kind = index.get(kindColumn.toLowerCase(Locale.ROOT));
        Integer aliases = aliasColumn == null ? null : index.get(aliasColumn);
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            String reference = cell(row, ref);
            if (reference.isEmpty()) {
                return new Unreadable("Row " + (r + 1) + " has no " + refColumn + ".");
            }
            Set<String> entryNames = names.computeIfAbsent(reference, k -> new LinkedHashSet<>());
            kinds.putIfAbsent(reference, kind == null ? "" : cell(row, kind).toLowerCase(Locale.ROOT));
            String whole = cell(row, name);
            if (!whole.isEmpty()) {
                entryNames.add(whole);
            }
            if (aliases != null) {
                for (String alias : cell(row, aliases).split("\\|")) {
                    if (!alias.isBlank()) {
                        entryNames.add(alias.strip());
                    }
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        names.forEach((reference, entryNames) -> {
            if (!entryNames.isEmpty()) {
                entries.add(new Entry(reference, kinds.getOrDefault(reference, ""), List.copyOf(entryNames)));
            }
        });
        if (entries.isEmpty()) {
            return new Unreadable("The file lists no names.");
        }
        return new Read(format, entries);
    }

    private static String cell(List<String> row, @Nullable Integer column) {
        return column == null || column >= row.size() ? "" : row.get(column).strip();
    }

    /** RFC 4180 rows: quoted fields may hold the delimiter, line breaks and doubled quotes. */
    static List<List<String>> rows(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        if (rows.isEmpty()) {
            rows.add(List.of(""));
        }
        return rows;
    }
}
