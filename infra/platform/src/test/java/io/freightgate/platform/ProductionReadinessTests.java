package io.freightgate.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionReadinessTests {

    final ProductionReadiness readiness = new ProductionReadiness();

    @Test
    void refusesToStartInProductionWithoutExternalServicesAndSecretsAndNamesEachMissingOne() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> readiness.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("SPRING_DATA_REDIS_URL")
                .hasMessageContaining("FREIGHTGATE_CRYPTO_MASTER_KEYS")
                .hasMessageContaining("FREIGHTGATE_SECURITY_JWT_PRIVATE_KEY")
                .hasMessageContaining("SPRING_MAIL_HOST")
                .hasMessageContaining("FREIGHTGATE_MAIL_FROM")
                .hasMessageContaining("FREIGHTGATE_PLATFORM_VAT_NUMBER");
    }

    @Test
    void refusesEmulatorAndLoopbackEndpointsInProduction() {
        var environment = complete();
        environment.setProperty("freightgate.stripe.api-base", "http://127.0.0.1:12111");

        assertThatThrownBy(() -> readiness.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("freightgate.stripe.api-base points at an emulator");
    }

    @Test
    void refusesProductionWithoutAPublishableKeyForThePaymentPageOrWithASecretKeyInItsPlace() {
        var missing = complete();
        missing.setProperty("freightgate.stripe.publishable-key", "");

        assertThatThrownBy(() -> readiness.postProcessEnvironment(missing, new SpringApplication()))
                .hasMessageContaining(
                        "FREIGHTGATE_STRIPE_PUBLISHABLE_KEY (freightgate.stripe.publishable-key) is not set");

        var secret = complete();
        secret.setProperty("freightgate.stripe.publishable-key", "sk_live_abc");

        assertThatThrownBy(() -> readiness.postProcessEnvironment(secret, new SpringApplication()))
                .hasMessageContaining("is not a publishable key");
    }

    @Test
    void refusesProductionWithoutAViesRequesterOrWithOneThatIsNotThePlatformsOwnVatNumber() {
        var missing = complete();
        missing.setProperty("freightgate.vies.requester-vat", "");
        var different = complete();
        different.setProperty("freightgate.platform.vat-number", "FR40303265045");
        different.setProperty("freightgate.vies.requester-vat", "DE136695976");

        assertThatThrownBy(() -> readiness.postProcessEnvironment(missing, new SpringApplication()))
                .hasMessageContaining("FREIGHTGATE_VIES_REQUESTER_VAT (freightgate.vies.requester-vat) is not set");
        assertThatThrownBy(() -> readiness.postProcessEnvironment(different, new SpringApplication()))
                .hasMessageContaining("FREIGHTGATE_VIES_REQUESTER_VAT (freightgate.vies.requester-vat) is not the"
                        + " platform's own VAT number");
    }

    @Test
    void acceptsTheViesRequesterWrittenWithSpacesOrInLowerCase() {
        var environment = complete();
        environment.setProperty("freightgate.platform.vat-number", "FR40303265045");
        environment.setProperty("freightgate.vies.requester-vat", "fr 40 303 265 045");

        assertThatCode(() -> readiness.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void startsInProductionWhenEverythingIsConfigured() {
        assertThatCode(() -> readiness.postProcessEnvironment(complete(), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void leavesLocalModeAlone() {
        assertThatCode(() -> readiness.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment complete() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        ProductionReadiness.REQUIRED.keySet().forEach(property -> environment.setProperty(property, "set"));
        environment.setProperty("freightgate.stripe.publishable-key", "pk_live_abc");
        environment.setProperty("spring.datasource.url", "jdbc:postgresql://db.internal:5432/freightgate");
        environment.setProperty("spring.data.redis.url", "redis://redis.internal:6379");
        return environment;
    }
}
