package org.zhiyuan.interop;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.interop.Peers.Trusted;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.record.TransferredRecord;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.timebank.TimeBankTransfers;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A volunteer brings their records from another installation: the package's issuer must
 * be an active peer (422 {@code UNTRUSTED_ISSUER}), its ES256 signature must verify with
 * one of the peer's keys (422 {@code BAD_SIGNATURE}, also for what is no JWS at all), and
 * its salted digest must be the caller's own ID number (422 {@code NOT_THE_HOLDER}). The
 * records are appended to the volunteer's chain as service records of method
 * {@code TRANSFER} under the local organization and activity that stand for the peer in
 * the volunteer's region (closed, never public), with their provenance beside them; they
 * count in totals, stars and certificates like any record (one that overlaps time already
 * counted here is held for review), and are never amended here. A record already imported
 * is counted as already present, so a repeat imports nothing. Imports from one peer are
 * taken one at a time. Time-bank hours the package carries ({@code timeBank} in its
 * subject, moved out of the volunteer's account at the issuer) are credited to the
 * volunteer's time account once per issuer and move, in the same transaction.
 */
@Service
public class RecordImports {

	/** At most this many characters of package. */
	public static final int MAX_PACKAGE = 2_000_000;

	/** At most this many records in one package. */
	static final int MAX_RECORDS = 5_000;

	/** At most this many time-bank hours in one package (a time account holds fewer). */
	static final BigDecimal MAX_TIME_BANK_HOURS = new BigDecimal("100000");

	private final Peers peers;

	private final Volunteers volunteers;

	private final VolunteerRegistration registration;

	private final ServiceRecords records;

	private final Activities activities;

	private final Organizations organizations;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	private final TimeBankTransfers timeBank;

	RecordImports(Peers peers, Volunteers volunteers, VolunteerRegistration registration, ServiceRecords records,
			Activities activities, Organizations organizations, JdbcClient jdbc, AuditLog auditLog,
			PlatformTransactionManager transactions, TimeBankTransfers timeBank) {
		this.timeBank = timeBank;
		this.peers = peers;
		this.volunteers = volunteers;
		this.registration = registration;
		this.records = records;
		this.activities = activities;
		this.organizations = organizations;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Imports the package for the caller.
	 * @throws ProblemException 400 {@code package} when it is empty or too long, or when
	 * its records are not records; 404 {@code NOT_A_VOLUNTEER}; 422 as above
	 */
	public ImportOutcome importPackage(Actor actor, String token) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		if (token == null || token.isBlank() || token.strip().length() > MAX_PACKAGE) {
			throw ProblemException.invalid(List.of(new FieldProblem("package", "validation.interop.package")));
		}
		SignedJWT jwt;
		JWTClaimsSet claims;
		try {
			jwt = SignedJWT.parse(token.strip());
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException | RuntimeException ex) {
			throw badSignature();
		}
		if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
			throw badSignature();
		}
		String issuer = claims.getIssuer();
		Trusted peer = Optional.ofNullable(issuer)
			.flatMap(this.peers::trusted)
			.orElseThrow(() -> ProblemException.unprocessable("UNTRUSTED_ISSUER", "interop.import.untrusted",
					(issuer != null && issuer.length() <= 300) ? issuer : "?"));
		if (!verifies(jwt, peer)) {
			throw badSignature();
		}
		Parsed parsed = parse(claims);
		String expected = parsed.identityHash().startsWith("sha256$") ? parsed.identityHash().substring(7) : "";
		boolean holder = this.registration.holderDigest(volunteer.id(), parsed.salt())
			.filter((digest) -> digest.equalsIgnoreCase(expected))
			.isPresent();
		if (!holder) {
			throw ProblemException.unprocessable("NOT_THE_HOLDER", "interop.import.notTheHolder");
		}
		ImportOutcome outcome = this.transaction.execute((status) -> append(actor, volunteer, peer, parsed));
		this.auditLog.record(AuditRecord.of("interop.package.import", actor.accountId())
			.on("volunteer", volunteer.id())
			.inRegion(volunteer.regionCode())
			.withDetail(peer.baseUrl() + " imported " + outcome.imported() + ", present " + outcome.alreadyPresent()
					+ ", time bank " + outcome.timeBankHours().toPlainString()));
		return outcome;
	}

	private ImportOutcome append(Actor actor, VolunteerView volunteer, Trusted peer, Parsed parsed) {
		this.peers.lock(peer.id());
		int imported = 0;
		int present = 0;
		Home home = parsed.items().isEmpty() ? null : homeOf(peer, volunteer.regionCode());
		for (Item item : parsed.items()) {
			boolean known = this.jdbc
				.sql("SELECT COUNT(*) FROM transferred_record WHERE volunteer_id = :v AND issuer = :iss"
						+ " AND original_id = :original")
				.param("v", volunteer.id())
				.param("iss", peer.baseUrl())
				.param("original", item.id())
				.query(Integer.class)
				.single() > 0;
			if (known) {
				present++;
				continue;
			}
			String content = truncate(item.activity() + " · " + item.organizationName(), 1000);
			ServiceRecordView record = this.records.recordTransferred(new TransferredRecord(volunteer.id(),
					home.activityId(), item.startedAt(), item.endedAt(), item.hours(), content,
					truncate("来自 " + peer.name() + " From " + peer.baseUrl(), 200), actor.accountId()));
			this.jdbc.sql("INSERT INTO transferred_record (record_id, volunteer_id, peer_id, issuer, original_id,"
					+ " original_organization, original_organization_id, original_activity, package_id, signed_at,"
					+ " imported_at) VALUES (:record, :v, :peer, :iss, :original, :org, :orgId, :activity, :package,"
					+ " :signed, :now)")
				.param("record", record.id())
				.param("v", volunteer.id())
				.param("peer", peer.id())
				.param("iss", peer.baseUrl())
				.param("original", item.id())
				.param("org", truncate(item.organizationName(), 200))
				.param("orgId", item.organizationId())
				.param("activity", truncate(item.activity(), 200))
				.param("package", parsed.packageId())
				.param("signed", parsed.signedAt())
				.param("now", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
				.update();
			imported++;
		}
		BigDecimal credited = (parsed.timeBank() == null) ? BigDecimal.ZERO.setScale(2) : this.timeBank.creditIn(actor,
				volunteer, peer.baseUrl(), parsed.timeBank().transferId(), parsed.timeBank().hours());
		return new ImportOutcome(imported, present, peer.baseUrl(), credited);
	}

	/**
	 * The local organization and activity that stand for the peer in the region, made at
	 * the first import; the caller holds the peer's lock.
	 */
	private Home homeOf(Trusted peer, String regionCode) {
		Optional<Home> home = this.jdbc
			.sql("SELECT organization_id, activity_id FROM interop_peer_home WHERE peer_id = :peer"
					+ " AND region_code = :region")
			.param("peer", peer.id())
			.param("region", regionCode)
			.query((rs, row) -> new Home(rs.getObject("organization_id", UUID.class),
					rs.getObject("activity_id", UUID.class)))
			.optional();
		if (home.isPresent()) {
			return home.get();
		}
		UUID registeredBy = this.jdbc.sql("SELECT created_by FROM interop_peer WHERE id = :id")
			.param("id", peer.id())
			.query(UUID.class)
			.single();
		OrganizationView organization = this.organizations
			.registerExternalInstallation(truncate(peer.name() + "（外部平台）", 100), regionCode, registeredBy);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		ActivityView activity = this.activities.recordTransferredService(organization.id(),
				truncate("转入的服务记录 · " + peer.name(), 100), regionCode, truncate(peer.baseUrl(), 200), now.minusHours(1),
				now, registeredBy);
		this.jdbc
			.sql("INSERT INTO interop_peer_home (peer_id, region_code, organization_id, activity_id)"
					+ " VALUES (:peer, :region, :org, :activity)")
			.param("peer", peer.id())
			.param("region", regionCode)
			.param("org", organization.id())
			.param("activity", activity.id())
			.update();
		return new Home(organization.id(), activity.id());
	}

	private static boolean verifies(SignedJWT jwt, Trusted peer) {
		String kid = jwt.getHeader().getKeyID();
		for (JWK key : peer.keys().getKeys()) {
			if (!(key instanceof ECKey ec) || (kid != null && !kid.equals(key.getKeyID()))) {
				continue;
			}
			try {
				if (jwt.verify(new ECDSAVerifier(ec.toECPublicKey()))) {
					return true;
				}
			}
			catch (JOSEException ex) {
				// a key that cannot verify does not vouch for the package
			}
		}
		return false;
	}

	/**
	 * The holder binding and records of a verified package; 400 {@code package} when the
	 * issuer signed something that is not a package of records.
	 */
	@SuppressWarnings("unchecked")
	private static Parsed parse(JWTClaimsSet claims) {
		try {
			Map<String, Object> vc = (Map<String, Object>) claims.getClaim("vc");
			Map<String, Object> subject = (Map<String, Object>) vc.get("credentialSubject");
			List<Object> identifiers = (List<Object>) subject.get("identifier");
			Map<String, Object> identity = (Map<String, Object>) identifiers.get(0);
			String identityHash = (String) identity.get("identityHash");
			String salt = (String) identity.get("salt");
			List<Object> records = (List<Object>) subject.get("serviceRecords");
			if (identityHash == null || salt == null || salt.isBlank() || records == null
					|| records.size() > MAX_RECORDS) {
				throw invalidPackage();
			}
			Instant signed = (claims.getIssueTime() != null) ? claims.getIssueTime().toInstant() : Instant.now();
			String packageId = (claims.getJWTID() != null) ? claims.getJWTID() : "-";
			List<Item> items = new ArrayList<>();
			for (Object entry : records) {
				Map<String, Object> record = (Map<String, Object>) entry;
				Map<String, Object> organization = (Map<String, Object>) record.get("organization");
				String id = text(record.get("id"), 100);
				String organizationName = text(organization.get("name"), 200);
				Object organizationId = organization.get("id");
				String activity = text(record.get("activity"), 200);
				OffsetDateTime startedAt = OffsetDateTime.ofInstant(Instant.parse((String) record.get("startedAt")),
						ZoneOffset.UTC);
				OffsetDateTime endedAt = OffsetDateTime.ofInstant(Instant.parse((String) record.get("endedAt")),
						ZoneOffset.UTC);
				BigDecimal hours = new BigDecimal(String.valueOf(record.get("hours")));
				items.add(new Item(id, organizationName,
						(organizationId != null) ? truncate(String.valueOf(organizationId), 100) : null, activity,
						startedAt, endedAt, hours));
			}
			TimeBankPart timeBank = null;
			Object moved = subject.get("timeBank");
			if (moved != null) {
				Map<String, Object> part = (Map<String, Object>) moved;
				BigDecimal hours = new BigDecimal(String.valueOf(part.get("hours")));
				if (hours.signum() <= 0 || hours.stripTrailingZeros().scale() > 2
						|| hours.compareTo(MAX_TIME_BANK_HOURS) > 0) {
					throw invalidPackage();
				}
				timeBank = new TimeBankPart(text(part.get("transferId"), 100), hours);
			}
			return new Parsed(identityHash, salt, truncate(packageId, 100),
					OffsetDateTime.ofInstant(signed, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), items, timeBank);
		}
		catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | DateTimeParseException
				| NumberFormatException ex) {
			throw invalidPackage();
		}
	}

	private static String text(Object value, int max) {
		if (!(value instanceof String text) || text.isBlank() || text.length() > max) {
			throw invalidPackage();
		}
		return text.strip();
	}

	private static ProblemException invalidPackage() {
		return ProblemException.invalid(List.of(new FieldProblem("package", "validation.interop.package")));
	}

	private static ProblemException badSignature() {
		return ProblemException.unprocessable("BAD_SIGNATURE", "interop.import.badSignature");
	}

	private static String truncate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	private record Home(UUID organizationId, UUID activityId) {

	}

	private record Item(String id, String organizationName, String organizationId, String activity,
			OffsetDateTime startedAt, OffsetDateTime endedAt, BigDecimal hours) {

	}

	private record Parsed(String identityHash, String salt, String packageId, OffsetDateTime signedAt, List<Item> items,
			TimeBankPart timeBank) {

	}

	/** The time-bank hours a package carries, as moved out at its issuer. */
	private record TimeBankPart(String transferId, BigDecimal hours) {

	}

}
