package org.zhiyuan.interop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.record.ChainDigest;
import org.zhiyuan.record.RecordChains;
import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.web.PublicUrl;
import org.zhiyuan.timebank.TimeBankMove;
import org.zhiyuan.timebank.TimeBankTransfers;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A volunteer's transfer package: an Open Badges 3.0 AchievementCredential (a W3C
 * Verifiable Credential, CommunityService achievement) signed as a VC-JWT (compact JWS,
 * ES256) with the installation's current key. It carries the records counted here that
 * were recorded here (those brought from another installation travel from their origin),
 * each with its recording organization, the totals, hours as {@code creditsEarned}, and
 * the digest of the volunteer's record chain in its evidence. The person is bound by a
 * salted digest of their ID number ({@code sha256$} hex of SHA-256 over the salt followed
 * by the normalized number); the package holds neither the number nor the name nor the
 * phone.
 * <p>
 * A volunteer who moves their time-bank hours to another installation asks for it
 * explicitly: the hours leave their account here once (per {@code Idempotency-Key}) and
 * the package then carries, beside the records, a {@code timeBank} object in its subject
 * ({@code transferId}, {@code hours}, {@code movedAt}) that the destination credits once.
 */
@Service
public class TransferPackages {

	static final String CONTEXT_VC = "https://www.w3.org/ns/credentials/v2";

	static final String CONTEXT_OB = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Volunteers volunteers;

	private final VolunteerRegistration registration;

	private final ServiceRecords records;

	private final RecordChains chains;

	private final InstallationKeys keys;

	private final AuditLog auditLog;

	private final PublicUrl publicUrl;

	private final String configuredIssuer;

	private final String platformName;

	private final TimeBankTransfers timeBank;

	TransferPackages(Volunteers volunteers, VolunteerRegistration registration, ServiceRecords records,
			RecordChains chains, InstallationKeys keys, AuditLog auditLog, PublicUrl publicUrl,
			TimeBankTransfers timeBank, @Value("${zhiyuan.interop.issuer:}") String configuredIssuer,
			@Value("${zhiyuan.certificate.platform-name:志愿服务信息系统}") String platformName) {
		this.volunteers = volunteers;
		this.registration = registration;
		this.records = records;
		this.chains = chains;
		this.keys = keys;
		this.auditLog = auditLog;
		this.publicUrl = publicUrl;
		this.configuredIssuer = configuredIssuer;
		this.platformName = platformName;
		this.timeBank = timeBank;
	}

	/**
	 * The installation's issuer id, what its packages carry as {@code iss} and what a
	 * receiving installation registers as the peer's base address:
	 * {@code zhiyuan.interop.issuer} when set, else {@code zhiyuan.public-url},
	 * normalized.
	 */
	public String issuer() {
		String base = (this.configuredIssuer != null && !this.configuredIssuer.isBlank()) ? this.configuredIssuer
				: this.publicUrl.base();
		return Peers.normalize(base).orElse(base);
	}

	/**
	 * The volunteer's package, for the volunteer themself only; the export is audited.
	 * @throws ProblemException 403 for anyone else; 404 {@code VOLUNTEER_NOT_FOUND}; 422
	 * {@code NO_RECORDS} without a counted record recorded here; 422 {@code NO_ID_NUMBER}
	 * when the number was erased
	 */
	public Signed export(Actor actor, UUID volunteerId) {
		return exportOf(actor, own(actor, volunteerId), null);
	}

	/** The caller's own package; 404 {@code NOT_A_VOLUNTEER} for staff accounts. */
	public Signed exportMine(Actor actor) {
		return exportOf(actor, this.volunteers.mine(actor), null);
	}

	/**
	 * Moves the volunteer's time-bank hours out ({@code hours} of them, all the balance
	 * when {@code null}), for the volunteer themself, and signs their package carrying
	 * them. A repeat with the same key moves nothing and signs the first move again.
	 * @throws ProblemException 400 {@code hours}, {@code Idempotency-Key}; 403 for anyone
	 * else; 404 {@code VOLUNTEER_NOT_FOUND}; 409 {@code IDEMPOTENCY_KEY_REUSED}; 422
	 * {@code INSUFFICIENT_BALANCE}, {@code NO_ID_NUMBER} (checked before anything moves)
	 */
	public Signed moveTimeBankOut(Actor actor, UUID volunteerId, BigDecimal hours, String idempotencyKey) {
		return moveOutOf(actor, own(actor, volunteerId), hours, idempotencyKey);
	}

	/** As {@link #moveTimeBankOut}, for the caller; 404 {@code NOT_A_VOLUNTEER}. */
	public Signed moveTimeBankOutMine(Actor actor, BigDecimal hours, String idempotencyKey) {
		return moveOutOf(actor, this.volunteers.mine(actor), hours, idempotencyKey);
	}

	private Signed moveOutOf(Actor actor, VolunteerView volunteer, BigDecimal hours, String idempotencyKey) {
		// no package could carry the hours without the holder's binding: refused before
		// they leave the account
		if (this.registration.holderDigest(volunteer.id(), "-").isEmpty()) {
			throw ProblemException.unprocessable("NO_ID_NUMBER", "interop.package.noIdNumber");
		}
		TimeBankMove move = this.timeBank.moveOut(actor, volunteer, hours, idempotencyKey);
		return exportOf(actor, volunteer, move);
	}

	private VolunteerView own(Actor actor, UUID volunteerId) {
		VolunteerView volunteer = this.volunteers.find(volunteerId)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
		if (actor == null || !volunteer.accountId().equals(actor.accountId())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		return volunteer;
	}

	private Signed exportOf(Actor actor, VolunteerView volunteer, TimeBankMove move) {
		List<ServiceRecordView> counted = this.records
			.recordsForCertificate(volunteer.id(), LocalDate.of(1949, 10, 1), LocalDate.now(CHINA).plusDays(1))
			.stream()
			.filter((record) -> record.method() != RecordMethod.TRANSFER)
			.toList();
		if (counted.isEmpty() && move == null) {
			throw ProblemException.unprocessable("NO_RECORDS", "interop.package.noRecords");
		}
		byte[] saltBytes = new byte[16];
		RANDOM.nextBytes(saltBytes);
		String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(saltBytes);
		String digest = this.registration.holderDigest(volunteer.id(), salt)
			.orElseThrow(() -> ProblemException.unprocessable("NO_ID_NUMBER", "interop.package.noIdNumber"));
		ChainDigest chain = this.chains.digest(volunteer.id());
		String issuer = issuer();
		UUID packageId = UUID.randomUUID();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

		List<Map<String, Object>> items = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		for (ServiceRecordView record : counted) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", record.id().toString());
			item.put("organization",
					Map.of("id", record.organizationId().toString(), "name", record.organizationName()));
			item.put("activity", record.activityTitle());
			item.put("startedAt", record.startedAt().toInstant().toString());
			item.put("endedAt", record.endedAt().toInstant().toString());
			item.put("hours", hours(record.effectiveHours()));
			item.put("method", record.method().name());
			items.add(item);
			total = total.add(record.effectiveHours());
		}
		total = total.setScale(2, RoundingMode.HALF_UP);

		Map<String, Object> issuerProfile = new LinkedHashMap<>();
		issuerProfile.put("id", issuer);
		issuerProfile.put("type", List.of("Profile"));
		issuerProfile.put("name", this.platformName);

		Map<String, Object> achievement = new LinkedHashMap<>();
		achievement.put("id", issuer + "/achievements/community-service");
		achievement.put("type", List.of("Achievement"));
		achievement.put("achievementType", "CommunityService");
		achievement.put("name", "志愿服务 Volunteer service");
		achievement.put("description", "Volunteer service recorded by the issuing installation");
		achievement.put("criteria", Map.of("narrative", "Service records counted by the issuing installation"));
		achievement.put("creator", issuerProfile);

		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("type", "IdentityObject");
		identity.put("identityType", "nationalIdentityNumber");
		identity.put("hashed", true);
		identity.put("identityHash", "sha256$" + digest);
		identity.put("salt", salt);

		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("type", List.of("AchievementSubject"));
		subject.put("identifier", List.of(identity));
		subject.put("achievement", achievement);
		subject.put("creditsEarned", total.doubleValue());
		if (!counted.isEmpty()) {
			subject.put("activityStartDate", counted.get(0).startedAt().toInstant().toString());
			subject.put("activityEndDate",
					counted.stream()
						.map(ServiceRecordView::endedAt)
						.max(OffsetDateTime::compareTo)
						.orElseThrow()
						.toInstant()
						.toString());
		}
		subject.put("serviceRecords", items);
		subject.put("totals", Map.of("hours", hours(total), "records", items.size()));
		if (move != null) {
			Map<String, Object> timeBank = new LinkedHashMap<>();
			timeBank.put("transferId", move.transferId().toString());
			timeBank.put("hours", hours(move.hours()));
			timeBank.put("movedAt", move.movedAt().toInstant().truncatedTo(ChronoUnit.SECONDS).toString());
			subject.put("timeBank", timeBank);
		}

		Map<String, Object> evidence = new LinkedHashMap<>();
		evidence.put("id", "urn:sha256:" + chain.headHash());
		evidence.put("type", List.of("Evidence"));
		evidence.put("name", "Record chain digest");
		evidence.put("narrative", "The volunteer's service records are hash-chained (SHA-256) at the issuer:"
				+ " chainHeadHash is the hash of the last record, merkleRoot the Merkle root of all of them.");
		evidence.put("hashAlgorithm", "SHA-256");
		evidence.put("chainLength", chain.length());
		evidence.put("chainHeadHash", chain.headHash());
		evidence.put("merkleRoot", chain.merkleRoot());
		evidence.put("chainIntact", chain.intact());

		Map<String, Object> vc = new LinkedHashMap<>();
		vc.put("@context", List.of(CONTEXT_VC, CONTEXT_OB));
		vc.put("id", "urn:uuid:" + packageId);
		vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
		vc.put("issuer", issuerProfile);
		vc.put("validFrom", now.toInstant().toString());
		vc.put("name", "志愿服务记录 Volunteer service records");
		vc.put("credentialSubject", subject);
		vc.put("evidence", List.of(evidence));

		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.jwtID("urn:uuid:" + packageId)
			.issueTime(Date.from(now.toInstant()))
			.notBeforeTime(Date.from(now.toInstant()))
			.claim("vc", vc)
			.build();
		ECKey key = this.keys.signingKey();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(new ECDSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("the installation key signs ES256", ex);
		}
		this.auditLog.record(AuditRecord.of("interop.package.export", actor.accountId())
			.on("volunteer", volunteer.id())
			.inRegion(volunteer.regionCode())
			.withDetail("records " + items.size() + ", hours " + total.toPlainString()
					+ ((move != null) ? ", time bank " + move.hours().toPlainString() : "")));
		return new Signed(jwt.serialize(), now);
	}

	private static String hours(BigDecimal hours) {
		return hours.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/** A signed package and when it was signed. */
	public record Signed(String token, OffsetDateTime signedAt) {

	}

}
