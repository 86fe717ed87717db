package io.freightgate.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RSA keys of FreightGate's access tokens, from configuration. The <em>active</em> key
 * ({@code freightgate.security.jwt.private-key}: a base64 PKCS#8 key; local mode generates one on first start) signs
 * every token. Two more keys make a rotation without a broken token: the <em>next</em> key
 * ({@code ...jwt.next-key}) is published in the JWKS and accepted before any instance signs with it, and the
 * <em>previous</em> key ({@code ...jwt.previous-key}) stays published and accepted after the switch until it is retired
 * (removed from the configuration). Both take a PKCS#8 private key or an X.509 public key, base64; only their public
 * part is ever used. A key id is derived from the public key, so every instance agrees on it.
 * {@code docs/runbooks/key-rotation.md} has the steps. {@code toString} shows key ids only.
 */
public final class SigningKeys {

    private final RSAKey active;
    private final Optional<RSAKey> next;
    private final Optional<RSAKey> previous;

    private SigningKeys(RSAKey active, Optional<RSAKey> next, Optional<RSAKey> previous) {
        this.active = active;
        this.next = next;
        this.previous = previous;
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(active.getKeyID(), "active");
        next.ifPresent(key -> {
            if (ids.putIfAbsent(key.getKeyID(), "next") != null) {
                throw new IllegalArgumentException("The next signing key is the active key");
            }
        });
        previous.ifPresent(key -> {
            if (ids.putIfAbsent(key.getKeyID(), "previous") != null) {
                throw new IllegalArgumentException(
                        "The previous signing key is the " + ids.get(key.getKeyID()) + " key");
            }
        });
    }

    /** The active key alone, as before a rotation. */
    public static SigningKeys fromPkcs8(String base64Pkcs8) {
        return of(base64Pkcs8, Optional.empty(), Optional.empty());
    }

    /** The active key (PKCS#8) with an optional next and previous key (PKCS#8 or X.509, base64; blank = none). */
    public static SigningKeys of(String activePkcs8, Optional<String> next, Optional<String> previous) {
        KeyFactory factory;
        RSAPrivateCrtKey privateKey;
        RSAPublicKey publicKey;
        try {
            factory = KeyFactory.getInstance("RSA");
            privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(activePkcs8.strip())));
            publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("freightgate.security.jwt.private-key is not a PKCS#8 RSA key", e);
        }
        RSAKey active = new RSAKey.Builder(checked(publicKey))
                .privateKey(privateKey)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(keyId(publicKey.getModulus()))
                .build();
        return new SigningKeys(
                active,
                next.filter(value -> !value.isBlank()).map(value -> publicOnly(factory, value, "next-key")),
                previous.filter(value -> !value.isBlank()).map(value -> publicOnly(factory, value, "previous-key")));
    }

    private static RSAKey publicOnly(KeyFactory factory, String base64, String property) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The freightgate.security.jwt." + property + " is not base64", e);
        }
        RSAPublicKey publicKey;
        try {
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException | ClassCastException notPrivate) {
            try {
                publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException | ClassCastException notPublic) {
                throw new IllegalArgumentException(
                        "The freightgate.security.jwt." + property + " is neither a PKCS#8 nor an X.509 RSA key",
                        notPublic);
            }
        }
        return new RSAKey.Builder(checked(publicKey))
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(keyId(publicKey.getModulus()))
                .build();
    }

    private static RSAPublicKey checked(RSAPublicKey publicKey) {
        if (publicKey.getModulus().bitLength() < 2048) {
            throw new IllegalArgumentException("The token signing key must have at least 2048 bits");
        }
        return publicKey;
    }

    /** The active key's public part. */
    public RSAPublicKey publicKey() {
        try {
            return active.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The active key's id, which every new token carries as {@code kid}. */
    public String keyId() {
        return active.getKeyID();
    }

    /** The signing key with its private part, for the token encoder: the active key only. */
    JWKSet signingSet() {
        return new JWKSet(active);
    }

    /**
     * The public keys that verify tokens, as published at the JWKS endpoint: the active key first, then the next and
     * the previous key when configured.
     */
    public JWKSet publicSet() {
        List<JWK> keys = new ArrayList<>();
        keys.add(active.toPublicJWK());
        next.ifPresent(keys::add);
        previous.ifPresent(keys::add);
        return new JWKSet(keys);
    }

    private static String keyId(BigInteger modulus) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(modulus.toByteArray());
            return "fg-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SigningKeys[active=" + keyId()
                + next.map(key -> ", next=" + key.getKeyID()).orElse("")
                + previous.map(key -> ", previous=" + key.getKeyID()).orElse("") + "]";
    }
}
