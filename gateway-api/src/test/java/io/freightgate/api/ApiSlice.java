package io.freightgate.api;

import io.freightgate.platform.tenancy.TenantResolver;
import io.freightgate.security.ApiClients;
import io.freightgate.security.StepUp;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} slice of one API controller (docs/testing.md, "Test layers"): the controller, the one problem
 * advice ({@link ProblemDetailsAdvice}), the application's JSON settings ({@code application.yml}'s snake_case and
 * {@link JsonConfiguration}), the real {@code /api/**} security filter chain with its RS256 JWT decoder
 * ({@link io.freightgate.security.SecurityConfiguration}, a key made for the test JVM, tokens minted by the real
 * {@link io.freightgate.security.AccessTokens} through {@link SliceCallers}), the tenant binding and the idempotency
 * filter with its claim inside method security ({@link ApiSliceConfiguration}). The module facades the controller calls
 * are the boundary: each test class declares them as {@code @MockitoBean}s. No database, no Redis, no emulator; local
 * mode's environment post-processor is switched off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
        properties = {"freightgate.local.enabled=false", "spring.main.banner-mode=off"},
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ASSIGNABLE_TYPE,
                        // The resolver of the token's organization and the 401/403 problem writers (package-private
                        // components of io.freightgate.security), and the step-up rule of the actions that ask a
                        // person for a recent second factor.
                        classes = {TenantResolver.class, AuthenticationEntryPoint.class, StepUp.class}))
@Import(ApiSliceConfiguration.class)
@ContextConfiguration(initializers = ApiSliceConfiguration.SigningKey.class)
// Asked by the JWT decoder for API-client tokens only (subjects fgc_...).
@MockitoBean(types = ApiClients.class)
public @interface ApiSlice {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
