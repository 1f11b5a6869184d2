package org.zhiyuan.privacy;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the personal data keys come from ({@code zhiyuan.privacy.*}). With no properties
 * at all the keys live in a generated file under the data directory. Key material is
 * base64 of exactly 32 bytes; key ids are 1 to 32 lower-case letters, digits or
 * {@code -}.
 *
 * @param keysFile the key file to use when no keys are configured; empty means
 * {@code ${zhiyuan.data-dir}/keys/privacy-keys.properties}, a relative path is resolved
 * against the working directory
 * @param activeKey the id of the data key that seals new values; required with
 * {@code keys}
 * @param keys data keys by id; when not empty they replace the key file entirely
 * @param indexKey the key of the blind index; required with {@code keys} and never to be
 * changed once values have been fingerprinted
 */
@ConfigurationProperties("zhiyuan.privacy")
public record PrivacyProperties(String keysFile, String activeKey, Map<String, String> keys, String indexKey) {

	public PrivacyProperties {
		keysFile = blankToNull(keysFile);
		activeKey = blankToNull(activeKey);
		keys = (keys != null) ? Map.copyOf(keys) : Map.of();
		indexKey = blankToNull(indexKey);
	}

	/**
	 * Names the configured key ids but never shows key material, so it is safe to log.
	 */
	@Override
	public String toString() {
		return "PrivacyProperties[keysFile=" + this.keysFile + ", activeKey=" + this.activeKey + ", keys="
				+ this.keys.keySet() + ", indexKey=" + ((this.indexKey != null) ? "(set)" : null) + "]";
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

}
