package io.freightgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** The dependency and type rules of docs/architecture.md, checked on every build. */
class ArchitectureRules {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.freightgate");

    static final String[] VENDOR_PACKAGES = {
        "org.springframework..",
        "com.stripe..",
        "jakarta.xml.ws..",
        "jakarta.xml.bind..",
        "org.apache.pdfbox..",
        "io.lettuce..",
        "io.github.bucket4j..",
        "com.sun.xml.."
    };

    @Test
    void theKernelIsPlainJava() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.freightgate.kernel..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "tools.jackson..")
                .because("the kernel is the vocabulary every module shares, free of any framework");
        rule.check(classes);
    }

    @Test
    void domainCodeHasNoSpringAndNoVendorTypes() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..internal.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(VENDOR_PACKAGES)
                .allowEmptyShould(true)
                .because("business rules are tested without Spring or vendors; adapters translate");
        rule.check(classes);
    }

    @Test
    void domainModulesNeverNameEachOther() {
        ArchRule rule = SlicesRuleDefinition.slices()
                .matching("io.freightgate.(payments|loads|disputes|kyc|fraud)..")
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(true)
                .because("payments, loads, disputes, kyc and fraud meet only in io.freightgate.flows");
        rule.check(classes);
    }

    @Test
    void moneyIsNeverFloatingPoint() {
        ArchRule rule = fields().that()
                .haveNameMatching("(?i).*(amount|fee|balance|total|price|minor).*")
                .should()
                .notHaveRawType(double.class)
                .andShould()
                .notHaveRawType(float.class)
                .andShould()
                .notHaveRawType(Double.class)
                .andShould()
                .notHaveRawType(Float.class)
                .allowEmptyShould(true)
                .because("money is Money: exact minor units");
        rule.check(classes);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.freightgate..")
                .and()
                .resideOutsideOfPackage("io.freightgate.emulator..")
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(java.time.ZonedDateTime.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .because("tests and local mode move one shared Clock; Instant.now() would not follow it (the emulators"
                        + " schedule webhook retries in wall-clock time, as Stripe does)");
        rule.check(classes);
    }

    @Test
    void theEmulatorsAndLocalModeAreNeverUsedByProductionCode() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("io.freightgate.local..", "io.freightgate.emulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.freightgate.local..", "io.freightgate.emulator..")
                .because("the emulators are on the classpath only when local mode asks for them");
        rule.check(classes);
    }

    @Test
    void noOtherCodeDependsOnTheDemo() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("io.freightgate.local.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.freightgate.local.demo..")
                .because(
                        "the demo exists only in local mode: no module knows of it, so none behaves differently for it");
        rule.check(classes);
    }

    @Test
    void theDemoUsesOnlyTheModulesFacades() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.freightgate.local.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.freightgate..internal..")
                .because("the demo makes its data the way people do, through the modules' public API (the package is"
                        + " not a Modulith module, so verify() does not check it)");
        rule.check(classes);
    }
}
