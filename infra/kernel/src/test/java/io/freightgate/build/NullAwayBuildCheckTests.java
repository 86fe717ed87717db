package io.freightgate.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build fails on a null dereference in a {@code @NullMarked} package (ADR 10). Runs javac as the build does: the
 * {@code compilerArgs} of the parent pom's {@code default-compile} execution (its properties resolved) and the JVM
 * options of {@code .mvn/jvm.config}, read from those files so this check cannot drift from the build. Error Prone and
 * NullAway come from this module's test class path, at the versions the parent pom's processor path names.
 */
class NullAwayBuildCheckTests {

    private static final String PLANTED = """
            package planted;

            import org.jspecify.annotations.Nullable;

            public class Planted {
                static @Nullable String maybe() {
                    return System.getenv("FREIGHTGATE_PLANTED");
                }

                static int length() {
                    return maybe().length();
                }
            }
            """;

    /** A typed id compared with the UUID it wraps: compiles in plain javac and is always false. */
    private static final String MIXED_IDS = """
            package planted;

            import java.util.UUID;

            public class Planted {
                record OrderId(UUID value) {}

                static boolean same(OrderId order, UUID raw) {
                    return order.equals(raw);
                }
            }
            """;

    private static final String NULL_MARKED = """
            @org.jspecify.annotations.NullMarked
            package planted;
            """;

    private static Path root;
    private static List<String> compilerArgs;
    private static List<String> jvmConfig;

    @BeforeAll
    static void readTheBuild() throws Exception {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve(".mvn/jvm.config"))) {
            root = root.getParent();
            assertThat(root).as("the project root with .mvn/jvm.config").isNotNull();
        }
        compilerArgs = compilerArgs(root.resolve("pom.xml"));
        jvmConfig = Files.readAllLines(root.resolve(".mvn/jvm.config")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .flatMap(line -> List.of(line.split("\\s+")).stream())
                .toList();
    }

    @Test
    void theBuildRunsNullAwayAsAnErrorOnlyInNullMarkedPackages() {
        assertThat(compilerArgs).contains("-XDcompilePolicy=simple", "--should-stop=ifError=FLOW");
        assertThat(compilerArgs).anySatisfy(arg -> assertThat(arg)
                .startsWith("-Xplugin:ErrorProne")
                .contains(
                        "-Xep:NullAway:ERROR",
                        "-XepOpt:NullAway:OnlyNullMarked=true",
                        "-Xep:EqualsIncompatibleType:ERROR"));
        assertThat(jvmConfig).contains("jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED");
    }

    @Test
    void aNullDereferenceInANullMarkedPackageFailsTheCompilation(@TempDir Path dir) throws Exception {
        Compilation compilation = compile(dir, true);

        assertThat(compilation.exitCode()).as(compilation.output()).isNotZero();
        assertThat(compilation.output())
                .contains("Planted.java:11")
                .contains("[NullAway] dereferenced expression 'maybe()' is @Nullable");
    }

    @Test
    void aTypedIdComparedWithAUuidFailsTheCompilation(@TempDir Path dir) throws Exception {
        Compilation compilation = compile(dir, MIXED_IDS, false);

        assertThat(compilation.exitCode()).as(compilation.output()).isNotZero();
        assertThat(compilation.output()).contains("Planted.java:9").contains("[EqualsIncompatibleType]");
    }

    @Test
    void theSameDereferenceOutsideNullMarkedPackagesCompiles(@TempDir Path dir) throws Exception {
        Compilation compilation = compile(dir, false);

        assertThat(compilation.output()).doesNotContain("NullAway");
        assertThat(compilation.exitCode()).as(compilation.output()).isZero();
    }

    private record Compilation(int exitCode, String output) {}

    private static Compilation compile(Path dir, boolean nullMarked) throws IOException, InterruptedException {
        return compile(dir, PLANTED, nullMarked);
    }

    private static Compilation compile(Path dir, String planted, boolean nullMarked)
            throws IOException, InterruptedException {
        Path sources = Files.createDirectories(dir.resolve("src/planted"));
        Files.writeString(sources.resolve("Planted.java"), planted);
        List<String> files =
                new ArrayList<>(List.of(sources.resolve("Planted.java").toString()));
        if (nullMarked) {
            Files.writeString(sources.resolve("package-info.java"), NULL_MARKED);
            files.add(sources.resolve("package-info.java").toString());
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
        jvmConfig.forEach(option -> command.add("-J" + option));
        command.addAll(compilerArgs);
        command.addAll(List.of(
                "-processorpath",
                classPath,
                "-classpath",
                classPath,
                "-d",
                dir.resolve("classes").toString()));
        command.addAll(files);

        Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(javac.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Compilation(javac.exitValue(), output.replace(File.separatorChar, '/'));
    }

    /** The {@code compilerArgs} of the parent pom's {@code default-compile} execution, its properties resolved. */
    private static List<String> compilerArgs(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        Element project = document.getDocumentElement();

        Map<String, String> properties = new HashMap<>();
        for (Element property : children(child(project, "properties"))) {
            properties.put(property.getTagName(), property.getTextContent().strip());
        }
        Element plugins = child(child(project, "build"), "plugins");
        for (Element plugin : children(plugins)) {
            if (!text(plugin, "artifactId").equals("maven-compiler-plugin")) {
                continue;
            }
            for (Element execution : children(child(plugin, "executions"))) {
                if (text(execution, "id").equals("default-compile")) {
                    Element args = child(child(execution, "configuration"), "compilerArgs");
                    return children(args).stream()
                            .map(arg -> resolve(arg.getTextContent().strip(), properties))
                            .toList();
                }
            }
        }
        throw new AssertionError("The parent pom configures no default-compile execution of maven-compiler-plugin");
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher reference = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String property = properties.get(reference.group(1));
            assertThat(property).as("property " + reference.group(1)).isNotNull();
            reference.appendReplacement(resolved, Matcher.quoteReplacement(resolve(property, properties)));
        }
        return reference.appendTail(resolved).toString();
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream()
                .filter(element -> element.getTagName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("<" + parent.getTagName() + "> has no <" + name + ">"));
    }

    private static String text(Element parent, String name) {
        return children(parent).stream()
                .filter(element -> element.getTagName().equals(name))
                .map(element -> element.getTextContent().strip())
                .findFirst()
                .orElse("");
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }
}
