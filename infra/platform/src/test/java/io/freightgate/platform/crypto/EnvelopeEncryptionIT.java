package io.freightgate.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.TenantFixtures;
import io.freightgate.platform.tenancy.SystemAccess;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EnvelopeEncryptionIT {

    static final String IBAN = "DE89370400440532013000";

    @Autowired
    EnvelopeEncryption encryption;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionOperations transactions;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    Clock clock;

    @Value("${freightgate.crypto.master-keys}")
    String configuredMasterKeys;

    @Value("${freightgate.crypto.hash-key}")
    String hashKey;

    TenantFixtures fixtures;
    TenantId tenant = TenantId.random();
    UUID subject = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        fixtures = new TenantFixtures(transactions);
    }

    @Test
    void storesCiphertextThatDoesNotContainThePlaintextAndReadsItBack() {
        byte[] ciphertext = fixtures.inTenant(tenant, () -> encryption.encryptText(tenant, subject, IBAN));

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(IBAN);
        assertThat(fixtures.inTenant(tenant, () -> encryption.decryptText(subject, ciphertext)))
                .contains(IBAN);
        byte[] wrappedKey = fixtures.inTenant(
                tenant,
                () -> jdbc.queryForObject(
                        "SELECT wrapped_key FROM subject_keys WHERE subject_id = ?", byte[].class, subject));
        assertThat(wrappedKey).hasSizeGreaterThan(32);
    }

    @Test
    void aCiphertextOfOneSubjectDoesNotOpenWithAnotherSubjectsKey() {
        UUID other = UUID.randomUUID();
        byte[] ciphertext = fixtures.inTenant(tenant, () -> encryption.encryptText(tenant, subject, IBAN));
        fixtures.inTenant(tenant, () -> encryption.encryptText(tenant, other, "other"));

        assertThatThrownBy(() -> fixtures.inTenant(tenant, () -> encryption.decryptText(other, ciphertext)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherTenantCannotReadTheSubjectsData() {
        byte[] ciphertext = fixtures.inTenant(tenant, () -> encryption.encryptText(tenant, subject, IBAN));

        assertThat(fixtures.inTenant(TenantId.random(), () -> encryption.decryptText(subject, ciphertext)))
                .isEmpty();
    }

    @Test
    void rotatingTheMasterKeyRewrapsDataKeysAndKeepsDataReadable() {
        byte[] ciphertext = fixtures.inTenant(tenant, () -> encryption.encryptText(tenant, subject, IBAN));
        String newKey =
                "rotated-" + UUID.randomUUID() + ":" + Base64.getEncoder().encodeToString(new byte[32]);
        var both = MasterKeys.parse(configuredMasterKeys + "," + newKey, newKey.substring(0, newKey.indexOf(':')));
        var afterRotation =
                new EnvelopeEncryption(jdbc, both, Base64.getDecoder().decode(hashKey), clock);

        int rewrapped = systemAccess.call(
                "test: rotate master key", () -> transactions.execute(s -> afterRotation.rewrapToActiveMasterKey()));

        assertThat(rewrapped).isGreaterThanOrEqualTo(1);
        assertThat(fixtures.inTenant(
                        tenant,
                        () -> jdbc.queryForObject(
                                "SELECT master_key_id FROM subject_keys WHERE subject_id = ?", String.class, subject)))
                .isEqualTo(both.activeId());
        var onlyNewKey = new EnvelopeEncryption(
                jdbc,
                MasterKeys.parse(newKey, both.activeId()),
                Base64.getDecoder().decode(hashKey),
                clock);
        assertThat(fixtures.inTenant(tenant, () -> onlyNewKey.decryptText(subject, ciphertext)))
                .contains(IBAN);
        assertThatThrownBy(() -> fixtures.inTenant(tenant, () -> encryption.decryptText(subject, ciphertext)))
                .hasMessageContaining("is not configured");
    }

    @Test
    void destroyingASubjectsKeyLeavesNothingReadable() {
        byte[] ciphertext = fixtures.inTenant(tenant, () -> encryption.encryptText(tenant, subject, IBAN));

        boolean destroyed = fixtures.inTenant(tenant, () -> encryption.destroy(subject));

        assertThat(destroyed).isTrue();
        assertThat(fixtures.inTenant(tenant, () -> encryption.decryptText(subject, ciphertext)))
                .isEmpty();
        assertThatThrownBy(() -> fixtures.inTenant(tenant, () -> encryption.encryptText(tenant, subject, "new")))
                .hasMessageContaining("destroyed");
    }

    @Test
    void keyedHashesFindEqualValuesWithoutRevealingThem() {
        byte[] first = encryption.keyedHash("driver@example.com");

        assertThat(encryption.keyedHash("driver@example.com")).isEqualTo(first);
        assertThat(encryption.keyedHash("other@example.com")).isNotEqualTo(first);
        var otherKey =
                new EnvelopeEncryption(jdbc, MasterKeys.parse(configuredMasterKeys, "local-1"), new byte[32], clock);
        assertThat(otherKey.keyedHash("driver@example.com")).isNotEqualTo(first);
    }
}
