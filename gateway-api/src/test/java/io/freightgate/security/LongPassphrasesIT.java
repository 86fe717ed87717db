package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.support.GatewayIT;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Passphrases longer than bcrypt's 72 bytes (issue 16, item 10): set and used to log in, every character counting;
 * passwords hashed before still log in.
 */
class LongPassphrasesIT extends GatewayIT {

    static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    TransactionOperations transactions;

    TestUsers users;
    TenantId carrier;

    @BeforeEach
    void organization() {
        users = new TestUsers(api, callers);
        carrier = users.carrier();
    }

    @Test
    void aPassphraseOf128MultiByteCharactersIsSetAndLogsInAndItsLastCharacterCounts() throws Exception {
        String passphrase = "Grüße aus Köln, Überführung nach Łódź über Žilina — Fahrt Nr. "
                .repeat(3)
                .substring(0, 128);
        String email = "dispatch-" + UUID.randomUUID() + "@carrier.test";
        users.active(carrier, email, "CARRIER_DISPATCHER", passphrase);

        var wrongLastCharacter = login(email, passphrase.substring(0, 127) + "!");
        var right = login(email, passphrase);

        assertThat(wrongLastCharacter.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).isEqualTo(302);
    }

    @Test
    void aPasswordHashedBeforeLongPassphrasesStillLogsInAndIsRehashed() throws Exception {
        String password = "violet-harbour-freight-42";
        String email = "finance-" + UUID.randomUUID() + "@carrier.test";
        UUID user = users.active(carrier, email, "CARRIER_FINANCE", "another-password-entirely-7");
        systemAccess.call(
                "test: a hash of before",
                () -> transactions.execute(status -> jdbc.update(
                        "UPDATE users SET password_hash = ? WHERE id = ?",
                        "{bcrypt}" + new BCryptPasswordEncoder().encode(password),
                        user)));

        var loggedIn = login(email, password);
        String rehashed = systemAccess.call(
                "test: the hash after the login",
                () -> transactions.execute(status ->
                        jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class, user)));

        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(rehashed).as("rewritten in the current scheme").startsWith("{bcrypt-hmac-sha384}$2");
        assertThat(login(email, password).statusCode()).isEqualTo(302);
    }

    private java.net.http.HttpResponse<String> login(String email, String password) throws Exception {
        return new BrowserLogin(port, "203.0.113." + ADDRESSES.incrementAndGet())
                .submit("/login", "/login", Map.of("username", email, "password", password));
    }
}
