package org.zhiyuan.privacy;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A complete, validated set of personal data keys: the data keys by id, the id of the one
 * that seals new values, and the blind index key. {@link #of} refuses anything else with
 * a message that names where the offending entry came from but never shows key material.
 */
final class PrivacyKeys {

	/** Bytes in every key: AES-256 for data keys, HMAC-SHA256 for the index key. */
	static final int KEY_BYTES = 32;

	// lower case only: Spring's relaxed binding lower-cases map keys from the
	// environment and drops characters such as '_', so a wider alphabet would not
	// survive configuration
	private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	private final Map<String, SecretKey> dataKeys;

	private final String activeKeyId;

	private final SecretKey indexKey;

	private PrivacyKeys(Map<String, SecretKey> dataKeys, String activeKeyId, SecretKey indexKey) {
		this.dataKeys = dataKeys;
		this.activeKeyId = activeKeyId;
		this.indexKey = indexKey;
	}

	/**
	 * Decodes and checks a key set: at least one data key, every id well-formed, every
	 * key base64 of exactly {@value #KEY_BYTES} bytes, the active id among the data keys,
	 * and an index key that is none of the data keys.
	 * @throws IllegalStateException if any of that does not hold
	 */
	static PrivacyKeys of(Origin origin, Map<String, String> encodedDataKeys, String activeKeyId,
			String encodedIndexKey) {
		if (encodedDataKeys.isEmpty()) {
			throw new IllegalStateException("No personal data key in " + origin.description());
		}
		Map<String, byte[]> decoded = new TreeMap<>();
		try {
			encodedDataKeys.forEach((id, encoded) -> {
				if (!isKeyId(id)) {
					// not quoted: a malformed line may be key material pasted
					// without an id
					throw new IllegalStateException("A personal data key id in " + origin.description()
							+ " is not 1 to 32 lower-case letters, digits or '-'");
				}
				decoded.put(id, decode(encoded, origin.dataKeyName(id)));
			});
			if (activeKeyId == null || activeKeyId.isBlank()) {
				throw new IllegalStateException(origin.activeKeyName() + " is missing");
			}
			String active = activeKeyId.strip();
			if (!isKeyId(active)) {
				throw new IllegalStateException(origin.activeKeyName() + " is not a key id");
			}
			if (!decoded.containsKey(active)) {
				throw new IllegalStateException(origin.activeKeyName() + " names '" + active
						+ "', which is not among the data keys " + decoded.keySet());
			}
			if (encodedIndexKey == null || encodedIndexKey.isBlank()) {
				throw new IllegalStateException(origin.indexKeyName() + " is missing");
			}
			byte[] index = decode(encodedIndexKey, origin.indexKeyName());
			try {
				for (byte[] dataKey : decoded.values()) {
					// one key for two algorithms weakens both, and a leaked
					// data key would then also expose the index
					if (MessageDigest.isEqual(dataKey, index)) {
						throw new IllegalStateException(
								origin.indexKeyName() + " must differ from every data key in " + origin.description());
					}
				}
				SortedMap<String, SecretKey> dataKeys = new TreeMap<>();
				decoded.forEach((id, bytes) -> dataKeys.put(id, new SecretKeySpec(bytes, "AES")));
				return new PrivacyKeys(Collections.unmodifiableSortedMap(dataKeys), active,
						new SecretKeySpec(index, "HmacSHA256"));
			}
			finally {
				Arrays.fill(index, (byte) 0);
			}
		}
		finally {
			// SecretKeySpec keeps its own copy; the decoded arrays need not
			// linger on the heap
			decoded.values().forEach((bytes) -> Arrays.fill(bytes, (byte) 0));
		}
	}

	/** Whether a string has the form of a key id (and so may appear in messages). */
	static boolean isKeyId(String id) {
		return id != null && KEY_ID.matcher(id).matches();
	}

	/** Fresh random key material, base64 encoded as the key sources expect it. */
	static String generate(SecureRandom random) {
		byte[] key = new byte[KEY_BYTES];
		random.nextBytes(key);
		try {
			return Base64.getEncoder().encodeToString(key);
		}
		finally {
			Arrays.fill(key, (byte) 0);
		}
	}

	/** The data key with this id, or {@code null} when there is none. */
	SecretKey dataKey(String id) {
		return this.dataKeys.get(id);
	}

	Set<String> dataKeyIds() {
		return this.dataKeys.keySet();
	}

	String activeKeyId() {
		return this.activeKeyId;
	}

	SecretKey indexKey() {
		return this.indexKey;
	}

	@Override
	public String toString() {
		return "PrivacyKeys[active=" + this.activeKeyId + ", ids=" + this.dataKeys.keySet() + "]";
	}

	private static byte[] decode(String encoded, String name) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(encoded.strip());
		}
		catch (IllegalArgumentException ex) {
			// the decoder's own message quotes the offending character: not passed on
			throw new IllegalStateException(name + " is not valid base64");
		}
		if (bytes.length != KEY_BYTES) {
			int length = bytes.length;
			Arrays.fill(bytes, (byte) 0);
			throw new IllegalStateException(
					name + " must be base64 of exactly " + KEY_BYTES + " bytes but decodes to " + length);
		}
		return bytes;
	}

	/**
	 * Where a key set came from, to name its entries in error messages.
	 *
	 * @param description the source as a whole
	 * @param dataKeyPrefix put before a data key id to name its entry
	 * @param dataKeySuffix put after a data key id to name its entry
	 * @param activeKeyName the entry that names the active key
	 * @param indexKeyName the entry that holds the index key
	 */
	record Origin(String description, String dataKeyPrefix, String dataKeySuffix, String activeKeyName,
			String indexKeyName) {

		static Origin configuration() {
			return new Origin("the configuration (zhiyuan.privacy.keys)", "zhiyuan.privacy.keys.", "",
					"zhiyuan.privacy.active-key", "zhiyuan.privacy.index-key");
		}

		static Origin file(Path file) {
			return new Origin("the key file " + file, "Key '", "' in the key file " + file,
					"'active' in the key file " + file, "'index' in the key file " + file);
		}

		String dataKeyName(String id) {
			return this.dataKeyPrefix + id + this.dataKeySuffix;
		}

	}

}
