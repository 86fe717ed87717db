package io.freightgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The packages NullAway checks (ADR 10) stay checked: every package under {@link #MARKED_TREES} and each of {@link
 * #MARKED_PACKAGES} is {@code @NullMarked} in its package-info.java, so a new package there cannot slip out of the
 * check. A package is added here once it is marked; docs/adr/0010-nullaway.md lists those still to come.
 */
class NullMarkedRules {

    /** Each of these packages and every package below it. */
    static final List<String> MARKED_TREES = List.of(
            "io.freightgate.kernel",
            "io.freightgate.platform",
            "io.freightgate.kyc",
            "io.freightgate.security",
            "io.freightgate.organizations",
            "io.freightgate.loads",
            "io.freightgate.backoffice",
            "io.freightgate.ledger",
            "io.freightgate.local",
            "io.freightgate.disputes",
            "io.freightgate.fraud",
            "io.freightgate.transfers",
            "io.freightgate.api",
            "io.freightgate.billing",
            "io.freightgate.payouts",
            // the emulators' main code (infra/local brings them onto this class path)
            "io.freightgate.emulator.vies");

    /** These packages only (their subpackages are not marked yet). */
    static final List<String> MARKED_PACKAGES = List.of(
            "io.freightgate",
            "io.freightgate.flows",
            "io.freightgate.integrations",
            "io.freightgate.integrations.internal",
            "io.freightgate.integrations.internal.domain",
            "io.freightgate.webhooks",
            "io.freightgate.webhooks.internal");

    /** Inside a marked tree but generated (wsimport's VIES client): not ours to annotate. */
    static final Set<String> GENERATED = Set.of("io.freightgate.kyc.internal.vies.soap");

    @Test
    void theCheckedPackagesAreNullMarked() {
        List<String> checked = packages()
                .filter(name -> MARKED_PACKAGES.contains(name)
                        || MARKED_TREES.stream().anyMatch(tree -> name.equals(tree) || name.startsWith(tree + ".")))
                .filter(name -> !GENERATED.contains(name))
                .toList();
        assertThat(checked).as("the rule sees the packages it guards").hasSizeGreaterThan(30);
        List<String> unseen = Stream.concat(MARKED_TREES.stream(), MARKED_PACKAGES.stream())
                .filter(guarded ->
                        checked.stream().noneMatch(name -> name.equals(guarded) || name.startsWith(guarded + ".")))
                .toList();
        assertThat(unseen)
                .as("guarded packages with no class on the class path (a typo, or a module no longer here)")
                .isEmpty();

        List<String> unmarked = checked.stream()
                .filter(name -> !ArchitectureRules.classes.getPackage(name).isAnnotatedWith(NullMarked.class))
                .toList();
        assertThat(unmarked)
                .as("packages without @NullMarked in their package-info.java (ADR 10)")
                .isEmpty();
    }

    private static Stream<String> packages() {
        return ArchitectureRules.classes.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.equals("io.freightgate") || name.startsWith("io.freightgate."))
                .distinct()
                .sorted();
    }
}
