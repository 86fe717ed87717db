package io.freightgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build rule of issue 19: pages are Thymeleaf templates, so no production code of any module builds HTML in Java
 * strings. Every string literal and text block of every {@code src/main/java} of the build (the emulators excepted:
 * they imitate third parties' pages and are never part of FreightGate's application) is searched for the opening tags
 * of a page ({@code <html}, {@code <!doctype}, {@code <head}, {@code <body}, {@code <form}, {@code <input},
 * {@code <div}, {@code <table}, {@code <script}, {@code <style}, {@code <iframe}, ...). Comments are not searched:
 * Javadoc may show HTML. A value built in code is encoded with the OWASP Java Encoder, never assembled as markup.
 */
class NoHtmlInJavaStringsTests {

    /** Opening tags that only a page or a piece of one has. */
    static final Pattern PAGE_MARKUP = Pattern.compile(
            "<\\s*(!doctype|html|head|body|form|input|select|textarea|button|label|div|span|table|thead|tbody|tr|td"
                    + "|th|script|style|iframe|img|main|section|header|footer|nav|h[1-6]|ul|ol|li|dl|dt|dd|pre|p|a)"
                    + "(\\s|>|/>)",
            Pattern.CASE_INSENSITIVE);

    /** Modules whose pages imitate someone else's (Stripe's 3-D Secure and onboarding pages, VIES): exempt. */
    static final Set<String> EXEMPT_MODULES = Set.of("infra/stripe-emulator", "infra/vies-emulator");

    @Test
    void noProductionSourceBuildsHtmlInAJavaString() throws IOException {
        List<Path> sources = productionSources();
        List<String> offences = new ArrayList<>();
        for (Path source : sources) {
            offences.addAll(offences(source, Files.readString(source)));
        }

        assertThat(sources)
                .as("the production sources of the build's modules")
                .hasSizeGreaterThan(100)
                .anyMatch(path -> path.toString().replace('\\', '/').contains("infra/local/src/main/java"))
                .anyMatch(path -> path.toString().replace('\\', '/').contains("gateway-api/src/main/java"));
        assertThat(offences)
                .as("HTML in Java strings: move the page to a template under templates/ (th:text for every value)")
                .isEmpty();
    }

    @Test
    void theRuleSeesMarkupInStringsAndTextBlocksButNotInComments() {
        String source = """
                /** A page: <div> in Javadoc is fine. */
                class Page {
                    // "<form>" in a line comment is fine
                    String a = "<!DOCTYPE html>";
                    String b = "x" + "<INPUT type=\\"text\\">";
                    String c = \"\"\"
                        <table>
                        \"\"\";
                    char d = '"';
                    String e = "5 < 6 and a <b";
                    String f = "escaped \\" <div class=x>";
                }
                """;

        assertThat(offences(Path.of("Page.java"), source))
                .hasSize(4)
                .anySatisfy(
                        offence -> assertThat(offence).contains("Page.java:4").contains("<!DOCTYPE"))
                .anySatisfy(
                        offence -> assertThat(offence).contains("Page.java:5").contains("<INPUT"))
                .anySatisfy(
                        offence -> assertThat(offence).contains("Page.java:6").contains("<table>"))
                .anySatisfy(
                        offence -> assertThat(offence).contains("Page.java:11").contains("<div"));
    }

    /** The {@code src/main/java} files of every module of the build but the emulators. */
    static List<Path> productionSources() throws IOException {
        Path root = projectRoot();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> {
                        String relative = root.relativize(path).toString().replace('\\', '/');
                        return relative.contains("/src/main/java/")
                                && !relative.contains("/target/")
                                && !relative.startsWith(".")
                                && EXEMPT_MODULES.stream().noneMatch(relative::startsWith);
                    })
                    .sorted()
                    .toList();
        }
    }

    /** The build's root: the directory above this module, where the parent pom is. */
    private static Path projectRoot() {
        Path module = Path.of("").toAbsolutePath();
        Path root = Files.exists(module.resolve("gateway-api")) ? module : module.getParent();
        if (!Files.exists(root.resolve("pom.xml")) || !Files.exists(root.resolve("infra"))) {
            throw new UncheckedIOException(new IOException("Not the build's root: " + root));
        }
        return root;
    }

    /** Each string literal (or text block) of {@code source} that contains page markup, as "file:line: literal". */
    static List<String> offences(Path file, String source) {
        List<String> offences = new ArrayList<>();
        int i = 0;
        int line = 1;
        int length = source.length();
        while (i < length) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < length && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                i++;
                while (i < length && source.charAt(i) != '\'') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = i + 3;
                int end = start;
                while (end < length && !source.startsWith("\"\"\"", end)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                check(file, line, source.substring(start, Math.min(end, length)), offences);
                line += count(source, i, Math.min(end + 3, length));
                i = end + 3;
            } else if (c == '"') {
                int start = i + 1;
                int end = start;
                while (end < length && source.charAt(end) != '"' && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                check(file, line, source.substring(start, Math.min(end, length)), offences);
                i = end + 1;
            } else {
                i++;
            }
        }
        return offences;
    }

    private static void check(Path file, int line, String literal, List<String> offences) {
        if (PAGE_MARKUP.matcher(literal.replace("\\\"", "\"")).find()) {
            String shown = literal.strip().replaceAll("\\s+", " ");
            offences.add(file + ":" + line + ": " + (shown.length() > 120 ? shown.substring(0, 120) + "..." : shown));
        }
    }

    private static int count(String source, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (source.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
