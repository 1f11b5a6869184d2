package org.zhiyuan.interop;

import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.privacy.PersonalDataCipher;
import org.zhiyuan.region.Regions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The installation's signing keys: EC P-256 (ES256), the newest signing, every one
 * published, so that a package signed before a rotation still verifies. The first key is
 * made on first use; a rotation (a national operator's) adds the next and retires the one
 * before from signing only. Two instances that make the same generation at once keep one:
 * the generation is unique. Private keys are sealed at rest.
 */
@Service
public class InstallationKeys {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	InstallationKeys(JdbcClient jdbc, PersonalDataCipher cipher, AccessPolicy accessPolicy, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
	}

	/** The public keys, the newest first, as published at /.well-known/jwks.json. */
	public Map<String, Object> publicKeySet() {
		signingKey();
		List<ECKey> keys = this.jdbc.sql("SELECT public_jwk FROM installation_key ORDER BY generation DESC")
			.query(String.class)
			.list()
			.stream()
			.map(InstallationKeys::parse)
			.toList();
		return new JWKSet(List.copyOf(keys)).toJSONObject(true);
	}

	/** The key that signs now (with its private part), made if there is none yet. */
	public ECKey signingKey() {
		return newest().orElseGet(() -> {
			create(1, null);
			return newest().orElseThrow();
		});
	}

	/**
	 * Adds the next key, which signs from now on; the one before stays published for
	 * verification.
	 * @return the new key's id
	 * @throws org.zhiyuan.shared.ProblemException 403 for anyone but a national operator
	 */
	public Rotated rotate(Actor actor) {
		this.accessPolicy.requireOperatorOf(actor, Regions.NATIONAL);
		int current = this.jdbc.sql("SELECT COALESCE(MAX(generation), 0) FROM installation_key")
			.query(Integer.class)
			.single();
		String kid = create(current + 1, actor.accountId());
		this.jdbc.sql("UPDATE installation_key SET retired_at = :now WHERE generation <= :g AND retired_at IS NULL")
			.param("g", current)
			.param("now", now())
			.update();
		int published = this.jdbc.sql("SELECT COUNT(*) FROM installation_key").query(Integer.class).single();
		this.auditLog.record(AuditRecord.of("interop.key.rotate", actor.accountId())
			.on("installation-key", kid)
			.inRegion(Regions.NATIONAL));
		return new Rotated(kid, published);
	}

	private java.util.Optional<ECKey> newest() {
		return this.jdbc.sql("SELECT private_sealed FROM installation_key ORDER BY generation DESC LIMIT 1")
			.query(String.class)
			.optional()
			.map((sealed) -> parse(this.cipher.open(sealed)));
	}

	/** Makes the key of the generation; returns its id, or the id of the one that won. */
	private String create(int generation, UUID by) {
		ECKey key;
		try {
			key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.ES256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("EC P-256 keys are part of every Java runtime", ex);
		}
		try {
			this.jdbc.sql(
					"INSERT INTO installation_key (kid, generation, public_jwk, private_sealed, created_at, created_by)"
							+ " VALUES (:kid, :g, :public, :private, :now, :by)")
				.param("kid", key.getKeyID())
				.param("g", generation)
				.param("public", key.toPublicJWK().toJSONString())
				.param("private", this.cipher.seal(key.toJSONString()))
				.param("now", now())
				.param("by", by)
				.update();
			return key.getKeyID();
		}
		catch (DuplicateKeyException ex) {
			// another instance made this generation at the same moment: theirs stands
			return this.jdbc.sql("SELECT kid FROM installation_key WHERE generation = :g")
				.param("g", generation)
				.query(String.class)
				.single();
		}
	}

	private static ECKey parse(String json) {
		try {
			return ECKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("a stored installation key does not parse", ex);
		}
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	/** A rotation: the new key's id and how many keys are published now. */
	public record Rotated(String kid, int published) {

	}

}
