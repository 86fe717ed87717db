package io.freightgate.platform.crypto;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap every subject's data key, held outside the database (environment or key file). Each has
 * an id; one is active for wrapping new keys, the others stay until every data key has been re-wrapped with the
 * active one. {@code toString} never shows key material.
 */
public final class MasterKeys {

    private final Map<String, SecretKey> keys;
    private final String activeId;

    MasterKeys(Map<String, SecretKey> keys, String activeId) {
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException(
                    "The active master key '" + activeId + "' is not among " + keys.keySet());
        }
        this.keys = Map.copyOf(keys);
        this.activeId = activeId;
    }

    /**
     * Parses {@code id:base64,id:base64} (each key 32 bytes for AES-256) and the id of the active key.
     */
    public static MasterKeys parse(String keyList, String activeId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("A master key entry must read id:base64-key");
            }
            byte[] material = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            if (material.length != 32) {
                throw new IllegalArgumentException("Master key '" + trimmed.substring(0, colon) + "' is not 32 bytes");
            }
            keys.put(trimmed.substring(0, colon), new SecretKeySpec(material, "AES"));
        }
        return new MasterKeys(keys, activeId);
    }

    public String activeId() {
        return activeId;
    }

    SecretKey active() {
        return get(activeId);
    }

    SecretKey get(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException(
                    "Master key '" + id + "' is not configured; it is needed to unwrap data keys");
        }
        return key;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "MasterKeys[ids=" + keys.keySet() + ", active=" + activeId + "]";
    }
}
