package io.freightgate;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Test classpath only: kyc seen as a module of an application rooted in {@code io.freightgate}, as it is inside the
 * gateway (whose {@code FreightGateApplication} is not on kyc's classpath), so that {@code @ApplicationModuleTest}
 * finds the module {@code kyc} beside the shared {@code kernel} and {@code platform}. It declares nothing: the module
 * test starts kyc's own packages, where kyc's test configuration ({@code KycTestApplication}: the tenant resolver and
 * the test clock, as for kyc's other ITs) lives.
 */
@SpringBootApplication
@Modulithic(sharedModules = {"kernel", "platform"})
public class KycModuleTestApplication {}
