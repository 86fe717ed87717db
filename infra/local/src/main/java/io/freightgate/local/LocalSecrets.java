package io.freightgate.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The secrets local mode makes for itself on first start: the master key that wraps data keys, the key of the keyed
 * hashes, and the RSA key that signs access tokens. Kept in {@code secrets.properties} under the local data directory
 * (owner-readable only) so a restart can still read yesterday's data; ephemeral test runs make fresh ones per JVM.
 */
final class LocalSecrets {

    static final String FILE_NAME = "secrets.properties";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static @Nullable Properties ephemeral; // made on first use

    private LocalSecrets() {}

    static synchronized Properties ephemeral() {
        Properties secrets = ephemeral;
        if (secrets == null) {
            secrets = generate();
            ephemeral = secrets;
        }
        return secrets;
    }

    static Properties persistent(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                var properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
                return properties;
            }
            Files.createDirectories(dataDirectory);
            Properties properties = generate();
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "FreightGate local-mode secrets: generated on first start, never logged");
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    private static Properties generate() {
        var properties = new Properties();
        properties.setProperty("freightgate.crypto.master-keys", "local-1:" + randomBase64(32));
        properties.setProperty("freightgate.crypto.active-master-key", "local-1");
        properties.setProperty("freightgate.crypto.hash-key", randomBase64(32));
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            properties.setProperty(
                    "freightgate.security.jwt.private-key",
                    Base64.getEncoder()
                            .encodeToString(
                                    generator.generateKeyPair().getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static String randomBase64(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
