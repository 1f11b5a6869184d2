package org.zhiyuan.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Seals personal data (ID numbers and other sensitive strings) for storage and finds it
 * again without decrypting: {@link #seal} encrypts with AES-256-GCM under the active data
 * key, {@link #open} reverses it with whichever key the sealed value names, and
 * {@link #fingerprint} gives a keyed blind index for uniqueness and lookup.
 * <p>
 * Keys come from configuration when {@code zhiyuan.privacy.keys.<id>} is set (base64 of
 * 32 bytes each), with {@code zhiyuan.privacy.active-key} naming the one that seals and
 * {@code zhiyuan.privacy.index-key} the index key; the key file is then not read.
 * Otherwise they come from the key file ({@code zhiyuan.privacy.keys-file}, by default
 * {@code ${zhiyuan.data-dir}/keys/privacy-keys.properties}), which is generated on first
 * start with data key {@code k1}, {@code active=k1} and an {@code index=} key, readable
 * by its owner only, and never overwritten. A missing, malformed or incomplete key set
 * stops start-up with a message that never contains key material.
 * <p>
 * To rotate the data key, add a new id with fresh key material to the file or the
 * configuration, point {@code active} at it and restart: new seals use the new key while
 * values sealed before still open, because each sealed value names its key.
 * {@link #needsResealing} tells a job which values to {@link #open} and {@link #seal}
 * again; only when none is left may the old key be removed.
 * <p>
 * The index key must never change. Fingerprints are stored and looked up by value, so a
 * new index key would make every stored fingerprint unfindable and let duplicates past
 * every uniqueness check. There is no rotation for it; keep it as long as the data.
 */
@Service
public class PersonalDataCipher {

	/** Format version of sealed values; a new format would get a new prefix. */
	static final String FORMAT = "zk1";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String HMAC = "HmacSHA256";

	private final PrivacyKeys keys;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Loads the keys from configuration or the key file, creating the file if needed.
	 * @param properties the configured key sources
	 * @param dataDirectory the absolute data directory, home of the default key file
	 * @throws IllegalStateException if the keys are missing, malformed or incomplete
	 */
	PersonalDataCipher(PrivacyProperties properties, @Value("${zhiyuan.data-dir}") String dataDirectory) {
		this.keys = loadKeys(properties, Path.of(dataDirectory), this.random);
	}

	/**
	 * Encrypts a value with AES-256-GCM under the active key and a fresh 96-bit random
	 * IV, so that sealing the same value twice gives different results.
	 * @param plaintext the value, possibly empty, never {@code null}
	 * @return {@code zk1:<keyId>:<base64url(iv || ciphertext+tag)>}, where the
	 * {@code zk1:<keyId>} header is authenticated data: a value moved to another key id
	 * does not open
	 */
	public String seal(String plaintext) {
		Objects.requireNonNull(plaintext, "plaintext");
		String keyId = this.keys.activeKeyId();
		byte[] iv = new byte[IV_BYTES];
		this.random.nextBytes(iv);
		byte[] ciphertext;
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.dataKey(keyId), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(header(keyId));
			ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
		byte[] payload = ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
		return FORMAT + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
	}

	/**
	 * Opens a value made by {@link #seal} with the key its prefix names, which need not
	 * be the active one.
	 * @param sealed a sealed value, never {@code null}
	 * @return the original value
	 * @throws IllegalStateException if the value is malformed, names an unknown key, or
	 * was tampered with; the message never contains the value
	 */
	public String open(String sealed) {
		Sealed parts = parse(sealed);
		byte[] payload = parts.payload();
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, parts.key(), new GCMParameterSpec(TAG_BITS, payload, 0, IV_BYTES));
			cipher.updateAAD(header(parts.keyId()));
			byte[] plaintext = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Sealed value under key '" + parts.keyId() + "' failed authentication: altered or corrupted");
		}
	}

	/**
	 * Whether a sealed value uses another key than the active one and should be opened
	 * and sealed again. Does not decrypt, so it does not detect tampering.
	 * @param sealed a sealed value, never {@code null}
	 * @throws IllegalStateException if the value is malformed or names an unknown key
	 */
	public boolean needsResealing(String sealed) {
		return !parse(sealed).keyId().equals(this.keys.activeKeyId());
	}

	/**
	 * HMAC-SHA256 of a value under the index key: a stable blind index for uniqueness
	 * checks and lookup that cannot be reversed without the key. The value is taken as
	 * given, so callers normalize first (for an ID number: trimmed, upper-case
	 * {@code X}), or equal values would fingerprint differently.
	 * @param normalized the normalized value, never {@code null}
	 * @return 64 lower-case hex digits
	 */
	public String fingerprint(String normalized) {
		Objects.requireNonNull(normalized, "normalized");
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.keys.indexKey());
			return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** The id of the key that {@link #seal} uses now. */
	public String activeKeyId() {
		return this.keys.activeKeyId();
	}

	private static PrivacyKeys loadKeys(PrivacyProperties properties, Path dataDirectory, SecureRandom random) {
		if (!properties.keys().isEmpty()) {
			return PrivacyKeys.of(PrivacyKeys.Origin.configuration(), properties.keys(), properties.activeKey(),
					properties.indexKey());
		}
		if (properties.activeKey() != null || properties.indexKey() != null) {
			// half a configuration silently falling back to the file would seal
			// under keys nobody meant to use
			throw new IllegalStateException("zhiyuan.privacy.active-key and zhiyuan.privacy.index-key apply only "
					+ "together with zhiyuan.privacy.keys; configure the keys too, or remove both to use the key file");
		}
		Path file = (properties.keysFile() != null) ? Path.of(properties.keysFile())
				: dataDirectory.resolve("keys").resolve("privacy-keys.properties");
		return PrivacyKeyFile.loadOrCreate(file.toAbsolutePath().normalize(), random);
	}

	private Sealed parse(String sealed) {
		Objects.requireNonNull(sealed, "sealed");
		String[] parts = sealed.split(":", -1);
		if (parts.length != 3 || !FORMAT.equals(parts[0]) || !PrivacyKeys.isKeyId(parts[1])) {
			throw new IllegalStateException("Not a sealed value (expected " + FORMAT + ":<keyId>:<payload>)");
		}
		String keyId = parts[1];
		SecretKey key = this.keys.dataKey(keyId);
		if (key == null) {
			throw new IllegalStateException("Sealed value names key '" + keyId + "', which is not among the keys "
					+ this.keys.dataKeyIds() + "; was it removed before every value was resealed?");
		}
		byte[] payload;
		try {
			payload = Base64.getUrlDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"Sealed value under key '" + keyId + "' has a payload that is not base64url");
		}
		if (payload.length < IV_BYTES + TAG_BITS / 8) {
			throw new IllegalStateException("Sealed value under key '" + keyId + "' is too short");
		}
		return new Sealed(keyId, key, payload);
	}

	private static byte[] header(String keyId) {
		return (FORMAT + ":" + keyId).getBytes(StandardCharsets.UTF_8);
	}

	private record Sealed(String keyId, SecretKey key, byte[] payload) {

	}

}
