package io.freightgate.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The RSA key that signs FreightGate's access tokens, from configuration ({@code freightgate.security.jwt.private-key}:
 * a base64 PKCS#8 key; local mode generates one on first start). Its key id is derived from the public key, so every
 * instance configured with the same key agrees on it. {@code toString} shows the key id only.
 */
public final class SigningKeys {

    private final RSAKey key;

    private SigningKeys(RSAKey key) {
        this.key = key;
    }

    public static SigningKeys fromPkcs8(String base64Pkcs8) {
        try {
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.strip())));
            var publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            if (publicKey.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("The token signing key must have at least 2048 bits");
            }
            return new SigningKeys(new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(keyId(publicKey.getModulus()))
                    .build());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("freightgate.security.jwt.private-key is not a PKCS#8 RSA key", e);
        }
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The signing key with its private part, for the token encoder. */
    JWKSet signingSet() {
        return new JWKSet(key);
    }

    /** The public keys only, as published at the JWKS endpoint. */
    public JWKSet publicSet() {
        return new JWKSet(key.toPublicJWK());
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
        return "SigningKeys[kid=" + keyId() + "]";
    }
}
