package org.zhiyuan.certificate;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Enumeration;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.zhiyuan.privacy.PersonalDataCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key the platform signs certificate PDFs with. A configured PKCS#12 keystore wins
 * (production: a certificate from a CA that readers trust); otherwise a self-signed RSA
 * key is generated once, sealed with the platform's data key and kept in the database, so
 * that every instance signs with the same key.
 */
@Component
class PlatformSigningKey {

	private static final String NAME = "certificate-signing";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final CertificateProperties properties;

	private volatile Loaded loaded;

	PlatformSigningKey(JdbcClient jdbc, PersonalDataCipher cipher, CertificateProperties properties) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.properties = properties;
	}

	PrivateKey privateKey() {
		return load().privateKey();
	}

	Certificate[] chain() {
		return load().chain().clone();
	}

	X509Certificate certificate() {
		return (X509Certificate) load().chain()[0];
	}

	private Loaded load() {
		Loaded current = this.loaded;
		if (current == null) {
			synchronized (this) {
				current = this.loaded;
				if (current == null) {
					current = (this.properties.keystore() != null && !this.properties.keystore().isBlank())
							? fromKeystore() : fromDatabase();
					this.loaded = current;
				}
			}
		}
		return current;
	}

	private Loaded fromKeystore() {
		char[] password = (this.properties.keystorePassword() != null)
				? this.properties.keystorePassword().toCharArray() : new char[0];
		try (InputStream in = Files.newInputStream(Path.of(this.properties.keystore()))) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			String alias = this.properties.keyAlias();
			if (alias == null || alias.isBlank()) {
				Enumeration<String> aliases = store.aliases();
				while (aliases.hasMoreElements() && alias == null) {
					String candidate = aliases.nextElement();
					alias = store.isKeyEntry(candidate) ? candidate : null;
				}
			}
			if (alias == null || !store.isKeyEntry(alias)) {
				throw new IllegalStateException("The certificate keystore holds no signing key");
			}
			return new Loaded((PrivateKey) store.getKey(alias, password), store.getCertificateChain(alias));
		}
		catch (java.io.IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the certificate keystore " + this.properties.keystore(), ex);
		}
	}

	private Loaded fromDatabase() {
		return stored().orElseGet(() -> {
			Loaded generated = generate();
			try {
				this.jdbc
					.sql("INSERT INTO signing_key (name, private_key, certificate, created_at)"
							+ " SELECT :name, :key, :certificate, :now"
							+ " WHERE NOT EXISTS (SELECT 1 FROM signing_key WHERE name = :name)")
					.param("name", NAME)
					.param("key",
							this.cipher.seal(Base64.getEncoder().encodeToString(generated.privateKey().getEncoded())))
					.param("certificate", Base64.getEncoder().encodeToString(generated.chain()[0].getEncoded()))
					.param("now", OffsetDateTime.now(ZoneOffset.UTC))
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// another instance stored its key first: use that one
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot encode the signing certificate", ex);
			}
			return stored().orElseThrow();
		});
	}

	private java.util.Optional<Loaded> stored() {
		return this.jdbc.sql("SELECT private_key, certificate FROM signing_key WHERE name = :name")
			.param("name", NAME)
			.query((rs, n) -> decode(rs.getString("private_key"), rs.getString("certificate")))
			.optional();
	}

	private Loaded decode(String sealedKey, String certificate) {
		try {
			PrivateKey key = KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(this.cipher.open(sealedKey))));
			Certificate cert = CertificateFactory.getInstance("X.509")
				.generateCertificate(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
			return new Loaded(key, new Certificate[] { cert });
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The stored signing key cannot be read", ex);
		}
	}

	private Loaded generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, new SecureRandom());
			KeyPair pair = generator.generateKeyPair();
			X500Name subject = new X500Name("CN=" + this.properties.platformNameEn() + " Certificate Signing, O="
					+ this.properties.platformNameEn() + ", C=CN");
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
					Date.from(now.minusDays(1).toInstant()), Date.from(now.plusYears(30).toInstant()), subject,
					pair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			return new Loaded(pair.getPrivate(), new Certificate[] { certificate });
		}
		catch (GeneralSecurityException | OperatorCreationException | java.io.IOException ex) {
			throw new IllegalStateException("Cannot create the platform's signing key", ex);
		}
	}

	private record Loaded(PrivateKey privateKey, Certificate[] chain) {

	}

}
