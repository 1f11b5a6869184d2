package org.zhiyuan.bench.generate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals ID numbers exactly as the platform's {@code PersonalDataCipher} does, with the
 * keys the platform is given: {@code zk1:<keyId>:<base64url(iv || ciphertext+tag)>},
 * AES-256-GCM with a random 96-bit IV and the {@code zk1:<keyId>} header as authenticated
 * data; and fingerprints them with HMAC-SHA256 under the index key (lower-case hex). Not
 * thread-safe: one per generating thread.
 */
final class PersonalDataSealer {

	private static final String FORMAT = "zk1";

	private final String keyId;

	private final SecretKeySpec dataKey;

	private final byte[] header;

	private final Cipher cipher;

	private final Mac mac;

	private final SecureRandom random = new SecureRandom();

	PersonalDataSealer(String keyId, String dataKeyBase64, String indexKeyBase64) {
		this.keyId = keyId;
		byte[] data = Base64.getDecoder().decode(dataKeyBase64.strip());
		byte[] index = Base64.getDecoder().decode(indexKeyBase64.strip());
		if (data.length != 32 || index.length != 32) {
			throw new IllegalArgumentException("privacy keys must be base64 of exactly 32 bytes");
		}
		this.dataKey = new SecretKeySpec(data, "AES");
		this.header = (FORMAT + ":" + keyId).getBytes(StandardCharsets.UTF_8);
		try {
			this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(index, "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String seal(String plaintext) {
		byte[] iv = new byte[12];
		this.random.nextBytes(iv);
		try {
			this.cipher.init(Cipher.ENCRYPT_MODE, this.dataKey, new GCMParameterSpec(128, iv));
			this.cipher.updateAAD(this.header);
			byte[] ciphertext = this.cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] payload = ByteBuffer.allocate(iv.length + ciphertext.length).put(iv).put(ciphertext).array();
			return FORMAT + ":" + this.keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The blind index of an ID number of the given type, as the platform computes it. */
	String fingerprint(String idType, String normalizedNumber) {
		return HexFormat.of()
			.formatHex(this.mac.doFinal((idType + ":" + normalizedNumber).getBytes(StandardCharsets.UTF_8)));
	}

}
