package io.freightgate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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

    /** The modules payments was carved into (ADR 4): one capability each, together "payments" to the other domains. */
    static final String[] PAYMENT_CAPABILITIES = {
        "io.freightgate.billing..", "io.freightgate.transfers..", "io.freightgate.payouts..", "io.freightgate.ledger.."
    };

    @Test
    void domainModulesNeverNameEachOther() {
        ArchRule rule = SlicesRuleDefinition.slices()
                .assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String name = javaClass.getPackageName();
                        for (String module : new String[] {"billing", "transfers", "payouts", "ledger"}) {
                            if (inModule(name, module)) {
                                return SliceIdentifier.of("payments");
                            }
                        }
                        for (String module : new String[] {"loads", "disputes", "kyc", "fraud"}) {
                            if (inModule(name, module)) {
                                return SliceIdentifier.of(module);
                            }
                        }
                        return SliceIdentifier.ignore();
                    }

                    @Override
                    public String getDescription() {
                        return "payments (billing, transfers, payouts, ledger), loads, disputes, kyc and fraud";
                    }
                })
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(true)
                .because("payments, loads, disputes, kyc and fraud meet only in io.freightgate.flows");
        rule.check(classes);
    }

    private static boolean inModule(String packageName, String module) {
        String base = "io.freightgate." + module;
        return packageName.equals(base) || packageName.startsWith(base + ".");
    }

    @Test
    void paymentCapabilitiesNeverUseTheApi() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(PAYMENT_CAPABILITIES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.freightgate.api..")
                .because("the REST API calls payments' facades, never the other way round (ADR 4: an ArchUnit rule"
                        + " rather than a Maven module split)");
        rule.check(classes);
    }

    @Test
    void paymentCapabilitiesNeverUseSecurity() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(PAYMENT_CAPABILITIES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.freightgate.security..")
                .because("payments learns who acts from the platform's tenancy scope, never from the security module"
                        + " (ADR 4)");
        rule.check(classes);
    }

    @Test
    void theLedgerNamesNoOtherPaymentCapability() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.freightgate.ledger..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.freightgate.billing..", "io.freightgate.transfers..", "io.freightgate.payouts..")
                .because("the ledger is posted to by the other capabilities and asks them through ports it owns"
                        + " (RequestCarriers), so it depends on none of them (ADR 4)");
        rule.check(classes);
    }

    @Test
    void billingNamesNeitherTransfersNorPayouts() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.freightgate.billing..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.freightgate.transfers..", "io.freightgate.payouts..")
                .because("transfers react to billing's events (PaymentCollected, PaidRequestCommitted,"
                        + " RefundOutcomeChanged, RefundOutcomeCommitted); billing never calls them back (ADR 4)");
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
