package io.freightgate.support;

import io.freightgate.emulator.vies.ViesEmulator;
import io.freightgate.security.AccessTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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

    protected Api api;
    protected Callers callers;
    protected Verifications verifications;

    @BeforeEach
    void connect() {
        api = new Api(port);
        callers = new Callers(accessTokens);
        verifications = new Verifications(api, callers, viesEmulator);
    }

    protected static String organizationJson(String type, String name, String email) {
        return """
                {"type":"%s","legal_name":"%s","country":"DE","vat_number":"DE811907980","contact_email":"%s"}
                """.formatted(type, name, email);
    }
}
