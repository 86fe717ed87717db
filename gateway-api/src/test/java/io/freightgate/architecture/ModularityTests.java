package io.freightgate.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import io.freightgate.FreightGateApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: no cycles, no module reaching into another's {@code internal} packages, and kernel and
 * platform shared by all. Also writes the module diagrams and canvases into {@code target/spring-modulith-docs}
 * ({@code docs/modules/} holds the committed copy; see docs/architecture.md).
 */
class ModularityTests {

    /** Local mode and the emulators are tooling on the test and local classpath, not modules of the application. */
    static final ApplicationModules modules = ApplicationModules.of(
            FreightGateApplication.class,
            JavaClass.Predicates.resideInAnyPackage("io.freightgate.local..", "io.freightgate.emulator.."));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
