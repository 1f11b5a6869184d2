package org.zhiyuan.interop;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.zhiyuan.region.Regions;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Another installation, as the tests play it: its base address and its own EC P-256 key,
 * signing transfer packages as such an installation would; registered here as a peer
 * through the API, or straight in the table for tests of other things.
 */
public final class ForeignInstallation {

	private final String baseUrl;

	private final ECKey key;

	private String id;

	public ForeignInstallation(String baseUrl, ECKey key) {
		this.baseUrl = baseUrl;
		this.key = key;
	}

	/** A new installation with a fresh address and key. */
	public static ForeignInstallation generated() {
		return new ForeignInstallation("https://foreign-" + UUID.randomUUID() + ".example.org",
				key("foreign-" + UUID.randomUUID()));
	}

	/**
	 * A new installation, registered as a peer straight in the table, as if by the
	 * national operator {@code admin}.
	 */
	public static ForeignInstallation registered(JdbcClient jdbc, String name) {
		ForeignInstallation foreign = generated();
		UUID id = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("INSERT INTO interop_peer (id, name, base_url, jwks, region_code, created_by, created_at, updated_at)"
				+ " VALUES (:id, :name, :url, :jwks, :region, :by, :now, :now)")
			.param("id", id)
			.param("name", name)
			.param("url", foreign.baseUrl)
			.param("jwks", foreign.jwks().toString(true))
			.param("region", Regions.NATIONAL)
			.param("by", jdbc.sql("SELECT id FROM account WHERE username = 'admin'").query(UUID.class).single())
			.param("now", now)
			.update();
		foreign.id = id.toString();
		return foreign;
	}

	public static ECKey key(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A record as a package carries it. */
	public static Map<String, Object> record(String id, String organization, String activity, OffsetDateTime from,
			OffsetDateTime to, String hours) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("id", id);
		record.put("organization", Map.of("id", UUID.randomUUID().toString(), "name", organization));
		record.put("activity", activity);
		record.put("startedAt", from.toInstant().toString());
		record.put("endedAt", to.toInstant().toString());
		record.put("hours", hours);
		record.put("method", "QR");
		return record;
	}

	public static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public ECKey key() {
		return this.key;
	}

	public String id() {
		return this.id;
	}

	void id(String id) {
		this.id = id;
	}

	/** The public key set, as the installation publishes it. */
	public JWKSet jwks() {
		return new JWKSet(this.key.toPublicJWK());
	}

	/** A package of a record of two hours a week ago, bound to the ID number. */
	public String signOne(String idNumber) {
		OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusDays(7).withNano(0).withSecond(0);
		return sign(List.of(record(UUID.randomUUID().toString(), "外地服务队", "社区服务", from, from.plusHours(2), "2.00")),
				idNumber);
	}

	/** A package as another installation signs it, bound to the ID number. */
	public String sign(List<Map<String, Object>> items, String idNumber) {
		return sign(items, idNumber, null);
	}

	/**
	 * A package carrying, beside the records, time-bank hours the installation moved out
	 * of the volunteer's account there: {@code timeBank} {transferId, hours, movedAt}.
	 */
	public String signWithTimeBank(List<Map<String, Object>> items, String idNumber, String transferId, String hours) {
		Map<String, Object> timeBank = new LinkedHashMap<>();
		timeBank.put("transferId", transferId);
		timeBank.put("hours", hours);
		timeBank.put("movedAt", java.time.Instant.now().toString());
		return sign(items, idNumber, timeBank);
	}

	private String sign(List<Map<String, Object>> items, String idNumber, Map<String, Object> timeBank) {
		String salt = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		BigDecimal total = items.stream()
			.map((m) -> new BigDecimal((String) m.get("hours")))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("type", List.of("AchievementSubject"));
		subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityType", "nationalIdentityNumber",
				"hashed", true, "identityHash", "sha256$" + sha256(salt + idNumber), "salt", salt)));
		subject.put("achievement", Map.of("type", List.of("Achievement"), "achievementType", "CommunityService"));
		subject.put("creditsEarned", total.doubleValue());
		subject.put("serviceRecords", items);
		subject.put("totals", Map.of("hours", total.toPlainString(), "records", items.size()));
		if (timeBank != null) {
			subject.put("timeBank", timeBank);
		}
		Map<String, Object> vc = new LinkedHashMap<>();
		vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
		vc.put("issuer", Map.of("id", this.baseUrl, "type", List.of("Profile")));
		vc.put("credentialSubject", subject);
		Date now = new Date();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.baseUrl)
			.jwtID("urn:uuid:" + UUID.randomUUID())
			.issueTime(now)
			.notBeforeTime(now)
			.claim("vc", vc)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new ECDSASigner(this.key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
