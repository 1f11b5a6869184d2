package org.zhiyuan.privacy;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;

class PersonalDataCipherUnitTests {

	private static final String ID_NUMBER = "11010519900307123X";

	private static final SecureRandom RANDOM = new SecureRandom();

	@TempDir
	Path dataDirectory;

	@Test
	void opensWhatItSealed() {
		PersonalDataCipher cipher = aCipher();
		for (String value : new String[] { ID_NUMBER, "张三 · 北京市朝阳区建外街道 🙂", "" }) {
			String sealed = cipher.seal(value);
			assertThat(sealed).startsWith("zk1:k1:");
			assertThat(cipher.open(sealed)).isEqualTo(value);
		}
		assertThat(cipher.seal(ID_NUMBER)).doesNotContain(ID_NUMBER);
	}

	@Test
	void sealsTheSameValueDifferentlyEachTime() {
		PersonalDataCipher cipher = aCipher();
		String first = cipher.seal(ID_NUMBER);
		String second = cipher.seal(ID_NUMBER);
		assertThat(first).isNotEqualTo(second);
		assertThat(payloadOf(first)).hasSize(12 + ID_NUMBER.length() + 16);
		assertThat(cipher.open(first)).isEqualTo(cipher.open(second));
	}

	@Test
	void refusesAValueWithAnyByteOfItsPayloadAltered() {
		PersonalDataCipher cipher = aCipher();
		String sealed = cipher.seal(ID_NUMBER);
		byte[] payload = payloadOf(sealed);
		for (int i = 0; i < payload.length; i++) {
			byte[] altered = payload.clone();
			altered[i] ^= 0x01;
			String tampered = "zk1:k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
			assertThatIllegalStateException().isThrownBy(() -> cipher.open(tampered))
				.withMessageNotContaining(ID_NUMBER)
				.withMessageNotContaining(tampered);
		}
		String truncated = sealed.substring(0, sealed.length() - 4);
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(truncated));
	}

	@Test
	void refusesAValueMovedToAnotherKeyIdEvenWithTheSameKey() {
		String sameKey = aKey();
		PersonalDataCipher cipher = aCipher(configuredWith("a", aKey(), Map.of("a", sameKey, "b", sameKey)));
		String sealed = cipher.seal(ID_NUMBER);
		String moved = sealed.replaceFirst("^zk1:a:", "zk1:b:");
		assertThat(moved).isNotEqualTo(sealed);
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(moved)).withMessageNotContaining(ID_NUMBER);
	}

	@Test
	void refusesValuesThatAreNotSealedOrNameAnUnknownKey() {
		PersonalDataCipher cipher = aCipher();
		String sealed = cipher.seal(ID_NUMBER);
		String unknownKey = sealed.replaceFirst("^zk1:k1:", "zk1:k9:");
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(unknownKey)).withMessageContaining("'k9'");
		assertThatIllegalStateException().isThrownBy(() -> cipher.needsResealing(unknownKey));
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(ID_NUMBER)).withMessageNotContaining(ID_NUMBER);
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(sealed.replaceFirst("^zk1", "zk2")));
		assertThatIllegalStateException().isThrownBy(() -> cipher.open("zk1:k1:not*base64"));
	}

	@Test
	void createsTheKeyFileOnceAndReusesItAcrossInstances() throws IOException {
		PersonalDataCipher first = aCipher();
		Path file = defaultKeyFile();
		assertThat(file).isRegularFile();
		String written = Files.readString(file);
		PersonalDataCipher second = aCipher();
		assertThat(Files.readString(file)).isEqualTo(written);
		assertThat(second.fingerprint(ID_NUMBER)).isEqualTo(first.fingerprint(ID_NUMBER));
		assertThat(second.open(first.seal(ID_NUMBER))).isEqualTo(ID_NUMBER);
		assertThat(first.open(second.seal(ID_NUMBER))).isEqualTo(ID_NUMBER);
		try (Stream<Path> files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void keepsTheKeyFileToItsOwner() throws IOException {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		aCipher();
		assertThat(Files.getPosixFilePermissions(defaultKeyFile())).isEqualTo(PrivacyKeyFile.OWNER_ONLY);
	}

	@Test
	void usesTheConfiguredKeyFileInstead() {
		Path elsewhere = this.dataDirectory.resolve("secrets").resolve("keys.properties");
		PersonalDataCipher cipher = aCipher(new PrivacyProperties(elsewhere.toString(), null, null, null));
		assertThat(elsewhere).isRegularFile();
		assertThat(defaultKeyFile()).doesNotExist();
		assertThat(aCipher(new PrivacyProperties(elsewhere.toString(), null, null, null)).open(cipher.seal(ID_NUMBER)))
			.isEqualTo(ID_NUMBER);
	}

	@Test
	void opensOldValuesAfterANewKeyBecomesActive() throws IOException {
		PersonalDataCipher before = aCipher();
		String old = before.seal(ID_NUMBER);
		addKeyAndMakeItActive(defaultKeyFile(), "k2");
		PersonalDataCipher after = aCipher();
		assertThat(after.activeKeyId()).isEqualTo("k2");
		assertThat(after.open(old)).isEqualTo(ID_NUMBER);
		assertThat(after.needsResealing(old)).isTrue();
		String resealed = after.seal(after.open(old));
		assertThat(resealed).startsWith("zk1:k2:");
		assertThat(after.needsResealing(resealed)).isFalse();
		assertThat(after.fingerprint(ID_NUMBER)).isEqualTo(before.fingerprint(ID_NUMBER));
		assertThat(before.needsResealing(old)).isFalse();
	}

	@Test
	void prefersConfiguredKeysToTheKeyFile() {
		PersonalDataCipher fromFile = aCipher();
		PersonalDataCipher configured = aCipher(configuredWith("2025", aKey(), Map.of("2025", aKey())));
		assertThat(configured.activeKeyId()).isEqualTo("2025");
		assertThat(configured.seal(ID_NUMBER)).startsWith("zk1:2025:");
		assertThat(configured.fingerprint(ID_NUMBER)).isNotEqualTo(fromFile.fingerprint(ID_NUMBER));
		assertThatIllegalStateException().isThrownBy(() -> configured.open(fromFile.seal(ID_NUMBER)));
	}

	@Test
	void leavesNoKeyFileWhenKeysAreConfigured() {
		aCipher(configuredWith("k1", aKey(), Map.of("k1", aKey())));
		assertThat(defaultKeyFile()).doesNotExist();
	}

	@Test
	void refusesAKeyOfTheWrongLengthWithoutShowingIt() throws IOException {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalStateException()
			.isThrownBy(() -> aCipher(configuredWith("k1", aKey(), Map.of("k1", shortKey))))
			.withMessageContaining("zhiyuan.privacy.keys.k1")
			.withMessageContaining("32")
			.withMessageNotContaining(shortKey);
		String longIndexKey = Base64.getEncoder().encodeToString(new byte[33]);
		assertThatIllegalStateException()
			.isThrownBy(() -> aCipher(configuredWith("k1", longIndexKey, Map.of("k1", aKey()))))
			.withMessageContaining("zhiyuan.privacy.index-key")
			.withMessageNotContaining(longIndexKey);

		String goodKey = aKey();
		writeKeyFile("active=k1\nindex=" + goodKey + "\nk1=" + shortKey + "\n");
		assertThatIllegalStateException().isThrownBy(this::aCipher)
			.withMessageContaining("'k1'")
			.withMessageContaining(defaultKeyFile().toString())
			.withMessageNotContaining(shortKey)
			.withMessageNotContaining(goodKey);
	}

	@Test
	void refusesKeyMaterialThatIsNotBase64WithoutShowingIt() {
		String notBase64 = "this_is*not-base64-but-it-is-secret-anyway!!";
		assertThatIllegalStateException()
			.isThrownBy(() -> aCipher(configuredWith("k1", aKey(), Map.of("k1", notBase64))))
			.withMessageNotContaining(notBase64)
			.withMessageNotContaining("*");
	}

	@Test
	void refusesAnActiveKeyThatIsNotAmongTheKeys() throws IOException {
		assertThatIllegalStateException().isThrownBy(() -> aCipher(configuredWith("k2", aKey(), Map.of("k1", aKey()))))
			.withMessageContaining("zhiyuan.privacy.active-key")
			.withMessageContaining("'k2'");
		writeKeyFile("index=" + aKey() + "\nk1=" + aKey() + "\n");
		assertThatIllegalStateException().isThrownBy(this::aCipher).withMessageContaining("'active'");
	}

	@Test
	void refusesAnIncompleteConfiguration() throws IOException {
		assertThatIllegalStateException().isThrownBy(() -> aCipher(configuredWith("k1", null, Map.of("k1", aKey()))))
			.withMessageContaining("zhiyuan.privacy.index-key");
		assertThatIllegalStateException().isThrownBy(() -> aCipher(configuredWith("k1", aKey(), Map.of())))
			.withMessageContaining("zhiyuan.privacy.keys");
		writeKeyFile("active=k1\nk1=" + aKey() + "\n");
		assertThatIllegalStateException().isThrownBy(this::aCipher).withMessageContaining("'index'");
	}

	@Test
	void refusesAnIndexKeyThatIsAlsoADataKey() {
		String key = aKey();
		assertThatIllegalStateException().isThrownBy(() -> aCipher(configuredWith("k1", key, Map.of("k1", key))))
			.withMessageContaining("must differ")
			.withMessageNotContaining(key);
	}

	@Test
	void fingerprintsDeterministicallyAndDistinctly() {
		PersonalDataCipher cipher = aCipher();
		String fingerprint = cipher.fingerprint(ID_NUMBER);
		assertThat(fingerprint).matches("[0-9a-f]{64}").isEqualTo(cipher.fingerprint(ID_NUMBER));
		assertThat(cipher.fingerprint("11010519900307124X")).isNotEqualTo(fingerprint);
		assertThat(cipher.fingerprint("")).isNotEqualTo(fingerprint).matches("[0-9a-f]{64}");
		assertThat(aCipher(configuredWith("k1", aKey(), Map.of("k1", aKey()))).fingerprint(ID_NUMBER))
			.isNotEqualTo(fingerprint);
	}

	@Test
	void neverShowsKeyMaterialWhenItsConfigurationIsPrinted() {
		String dataKey = aKey();
		String indexKey = aKey();
		assertThat(configuredWith("k1", indexKey, Map.of("k1", dataKey))).asString()
			.contains("k1")
			.doesNotContain(dataKey)
			.doesNotContain(indexKey);
	}

	private PersonalDataCipher aCipher() {
		return aCipher(new PrivacyProperties(null, null, null, null));
	}

	private PersonalDataCipher aCipher(PrivacyProperties properties) {
		return new PersonalDataCipher(properties, this.dataDirectory.toString());
	}

	private static PrivacyProperties configuredWith(String activeKey, String indexKey, Map<String, String> keys) {
		return new PrivacyProperties(null, activeKey, keys, indexKey);
	}

	private static String aKey() {
		return PrivacyKeys.generate(RANDOM);
	}

	private Path defaultKeyFile() {
		return this.dataDirectory.resolve("keys").resolve("privacy-keys.properties");
	}

	private void writeKeyFile(String content) throws IOException {
		Files.createDirectories(defaultKeyFile().getParent());
		Files.writeString(defaultKeyFile(), content);
	}

	private static void addKeyAndMakeItActive(Path file, String keyId) throws IOException {
		Properties keys = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			keys.load(reader);
		}
		keys.setProperty(keyId, aKey());
		keys.setProperty(PrivacyKeyFile.ACTIVE, keyId);
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			keys.store(writer, null);
		}
	}

	private static byte[] payloadOf(String sealed) {
		return Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
	}

}
