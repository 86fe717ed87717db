package io.freightgate.platform.crypto;

import io.freightgate.kernel.TenantId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Envelope encryption of personal data and secrets (IBANs, identity documents, names and emails of people, files).
 *
 * <p>Each subject (an organization or a user) has its own AES-256 data key, stored in {@code subject_keys} wrapped by a
 * {@link MasterKeys master key} that never enters the database; the wrapping key's id is stored beside it, so master
 * keys rotate by re-wrapping ({@link #rewrapToActiveMasterKey()}). Ciphertexts are bound to their subject.
 * {@link #destroy(UUID) Destroying} a subject's data key makes every ciphertext of that subject unreadable at once,
 * wherever it is stored (crypto-shredding). Values that must be found again (an email at login) get a
 * {@link #keyedHash(String) keyed hash} stored beside the ciphertext.
 */
public class EnvelopeEncryption {

    private static final byte FORMAT_V1 = 1;

    private final JdbcTemplate jdbc;
    private final MasterKeys masterKeys;
    private final SecretKey hashKey;
    private final Clock clock;

    public EnvelopeEncryption(JdbcTemplate jdbc, MasterKeys masterKeys, byte[] hashKey, Clock clock) {
        if (hashKey.length < 32) {
            throw new IllegalArgumentException("The keyed-hash key must have at least 32 bytes");
        }
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
        this.clock = clock;
    }

    /** Encrypts for a subject of a tenant, creating the subject's data key on first use. */
    @Transactional
    public byte[] encrypt(TenantId tenant, UUID subject, byte[] plaintext) {
        SecretKey dataKey = dataKey(subject).orElseGet(() -> createDataKey(tenant, subject));
        byte[] sealed = Aes.seal(dataKey, plaintext, subjectBytes(subject));
        return ByteBuffer.allocate(1 + sealed.length).put(FORMAT_V1).put(sealed).array();
    }

    @Transactional
    public byte[] encryptText(TenantId tenant, UUID subject, String plaintext) {
        return encrypt(tenant, subject, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** The plaintext, or empty when the subject's key was destroyed (or never existed). */
    @Transactional(readOnly = true)
    public Optional<byte[]> decrypt(UUID subject, byte[] ciphertext) {
        if (ciphertext.length == 0 || ciphertext[0] != FORMAT_V1) {
            throw new IllegalArgumentException("Unknown ciphertext format");
        }
        return dataKey(subject)
                .map(key -> Aes.open(key, Arrays.copyOfRange(ciphertext, 1, ciphertext.length), subjectBytes(subject)));
    }

    @Transactional(readOnly = true)
    public Optional<String> decryptText(UUID subject, byte[] ciphertext) {
        return decrypt(subject, ciphertext).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * A keyed hash (HMAC-SHA256) of an already normalized value, for equality search without storing the value.
     */
    public byte[] keyedHash(String normalizedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Destroys the subject's data key: everything encrypted for it becomes unreadable, everywhere, for good. */
    @Transactional
    public boolean destroy(UUID subject) {
        return jdbc.update(
                        "UPDATE subject_keys SET wrapped_key = NULL, master_key_id = NULL, destroyed_at = ?"
                                + " WHERE subject_id = ? AND wrapped_key IS NOT NULL",
                        Timestamp.from(clock.instant()),
                        subject)
                == 1;
    }

    /**
     * Re-wraps every live data key visible to the running scope that is wrapped by another master key than the
     * active one; run in the system scope to cover every tenant. Returns how many keys were re-wrapped.
     */
    @Transactional
    public int rewrapToActiveMasterKey() {
        List<UUID> subjects = jdbc.queryForList(
                "SELECT subject_id FROM subject_keys WHERE wrapped_key IS NOT NULL AND master_key_id <> ? FOR UPDATE",
                UUID.class,
                masterKeys.activeId());
        for (UUID subject : subjects) {
            SecretKey dataKey = dataKey(subject).orElseThrow();
            jdbc.update(
                    "UPDATE subject_keys SET wrapped_key = ?, master_key_id = ? WHERE subject_id = ?",
                    wrap(subject, dataKey.getEncoded(), masterKeys.activeId()),
                    masterKeys.activeId(),
                    subject);
        }
        return subjects.size();
    }

    private Optional<SecretKey> dataKey(UUID subject) {
        List<WrappedKey> rows = jdbc.query(
                "SELECT master_key_id, wrapped_key FROM subject_keys WHERE subject_id = ?",
                (rs, n) -> new WrappedKey(rs.getString(1), rs.getBytes(2)),
                subject);
        if (rows.isEmpty() || rows.getFirst().wrapped() == null) {
            return Optional.empty();
        }
        WrappedKey row = rows.getFirst();
        byte[] material =
                Aes.open(masterKeys.get(row.masterKeyId()), row.wrapped(), wrapContext(subject, row.masterKeyId()));
        return Optional.of(new SecretKeySpec(material, "AES"));
    }

    private SecretKey createDataKey(TenantId tenant, UUID subject) {
        byte[] material = Aes.randomKey();
        int inserted = jdbc.update(
                "INSERT INTO subject_keys (subject_id, tenant_id, master_key_id, wrapped_key, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (subject_id) DO NOTHING",
                subject,
                tenant.value(),
                masterKeys.activeId(),
                wrap(subject, material, masterKeys.activeId()),
                Timestamp.from(clock.instant()));
        if (inserted == 0) {
            return dataKey(subject)
                    .orElseThrow(
                            () -> new IllegalStateException("The data key of subject " + subject + " was destroyed"));
        }
        return new SecretKeySpec(material, "AES");
    }

    private byte[] wrap(UUID subject, byte[] material, String masterKeyId) {
        return Aes.seal(masterKeys.get(masterKeyId), material, wrapContext(subject, masterKeyId));
    }

    private static byte[] wrapContext(UUID subject, String masterKeyId) {
        byte[] id = masterKeyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(16 + id.length)
                .put(subjectBytes(subject))
                .put(id)
                .array();
    }

    private static byte[] subjectBytes(UUID subject) {
        return ByteBuffer.allocate(16)
                .putLong(subject.getMostSignificantBits())
                .putLong(subject.getLeastSignificantBits())
                .array();
    }

    private record WrappedKey(String masterKeyId, byte[] wrapped) {}
}
