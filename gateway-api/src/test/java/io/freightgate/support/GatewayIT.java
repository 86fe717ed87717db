package io.freightgate.support;

import io.freightgate.emulator.vies.ViesEmulator;
import io.freightgate.platform.tenancy.Reach;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.AccessTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole gateway on a random port against the embedded PostgreSQL and Redis. Test classes that extend it without
 * extra properties share one Spring context (and one database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayIT {

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccessTokens accessTokens;

    @Autowired
    protected ViesEmulator viesEmulator;

    @Autowired
    private SystemAccess gatewaySystemAccess;

    @Autowired
    private JdbcTemplate gatewayJdbc;

    protected Api api;
    protected Callers callers;
    protected Verifications verifications;

    @BeforeEach
    void connect() {
        api = new Api(port);
        callers = new Callers(accessTokens);
        verifications = new Verifications(api, callers, viesEmulator);
    }

    /**
     * Fraud feedback left by an earlier test is forgotten: test cards share their fingerprints (as at Stripe), so a
     * card disputed or warned about in one test (its fingerprint watched, {@code :card_has_disputes:} true) would have
     * every later payment with it reviewed. Tests of the feedback itself make and check theirs within the test.
     */
    @BeforeEach
    void forgetFraudFeedback() {
        gatewaySystemAccess.transaction(
                Reach.acrossTenants("tests start without earlier tests' fraud feedback"),
                "forget fraud feedback from earlier tests",
                () -> {
                    gatewayJdbc.update("DELETE FROM fraud_list_entries WHERE created_by = 'system:fraud-feedback'");
                    gatewayJdbc.update("DELETE FROM fraud_feedback");
                    return null;
                });
    }

    protected static String organizationJson(String type, String name, String email) {
        return """
                {"type":"%s","legal_name":"%s","country":"DE","vat_number":"DE811907980","contact_email":"%s"}
                """.formatted(type, name, email);
    }
}
