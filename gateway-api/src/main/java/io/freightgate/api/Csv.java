package io.freightgate.api;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV rows (CRLF line ends; a field with a comma, a double quote, CR or LF is quoted, its quotes doubled)
 * that are safe to open in a spreadsheet: a text cell beginning with {@code = + - @}, a tab or a carriage return gets a
 * leading {@code '} so no spreadsheet runs it as a formula. Plain numbers ({@code -12.25}) are left as they are, so
 * negative amounts stay numbers.
 */
final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Csv() {}

    /** One row, ending in CRLF; {@code null} is an empty cell. */
    static String row(List<? extends @Nullable String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    /** One cell, defused and quoted as needed. */
    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = formulaLike(value) ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean formulaLike(String value) {
        char first = value.charAt(0);
        boolean trigger =
                first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return trigger && !NUMBER.matcher(value).matches();
    }
}
