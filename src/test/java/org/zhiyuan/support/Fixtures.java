package org.zhiyuan.support;

import java.util.Set;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.access.Grant;
import org.zhiyuan.organization.NewOrganization;
import org.zhiyuan.organization.OrganizationType;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.volunteer.NewVolunteer;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;

import org.springframework.boot.test.context.TestComponent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Named ways to make the people a test needs. Every account gets a fresh username, so
 * tests never depend on each other's data.
 */
@TestComponent
public class Fixtures {

	public static final String PASSWORD = "Secret-pass-42";

	private final AccountManagement accounts;

	private final VolunteerRegistration registration;

	private final Organizations organizations;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final org.zhiyuan.account.AccessTokens tokens;

	private final java.util.function.Supplier<String> passwordHash;

	private final Activities activities;

	private final org.zhiyuan.record.ServiceRecords records;

	private final org.zhiyuan.record.RecordAmendments amendments;

	Fixtures(AccountManagement accounts, VolunteerRegistration registration, Organizations organizations,
			org.springframework.jdbc.core.simple.JdbcClient jdbc, org.zhiyuan.account.AccessTokens tokens,
			org.springframework.security.crypto.password.PasswordEncoder encoder, Activities activities,
			org.zhiyuan.record.ServiceRecords records, org.zhiyuan.record.RecordAmendments amendments) {
		this.records = records;
		this.amendments = amendments;
		this.jdbc = jdbc;
		this.activities = activities;
		this.tokens = tokens;
		String hash = encoder.encode(PASSWORD);
		this.passwordHash = () -> hash;
		this.accounts = accounts;
		this.registration = registration;
		this.organizations = organizations;
	}

	/**
	 * The team's admin records the volunteer's service at the activity from its start,
	 * for the minutes, as entered from a paper sign-in sheet.
	 */
	public org.zhiyuan.record.ServiceRecordView recordedService(Team team, Person volunteer,
			org.zhiyuan.activity.ActivityView activity, int minutes) {
		OffsetDateTime from = activity.startsAt();
		return this.records.record(actorOf(team.admin()), new org.zhiyuan.record.NewRecord(volunteer.volunteerId(),
				activity.id(), from, from.plusMinutes(minutes), null, "按签到表补录"), null);
	}

	/** The volunteer asks for other hours on the record and the team's admin approves. */
	public org.zhiyuan.record.AmendmentView approvedAmendment(Team team, Person volunteer,
			org.zhiyuan.record.ServiceRecordView record, String hours) {
		org.zhiyuan.record.AmendmentView asked = this.amendments.request(actorOf(volunteer), record.id(), null, null,
				new java.math.BigDecimal(hours), "签到表记错了时间");
		return this.amendments.approve(actorOf(team.admin()), asked.id(), null);
	}

	/** A registered adult volunteer living in the region. */
	public Person aVolunteerIn(String regionCode) {
		String phone = Identities.phone();
		String idNumber = Identities.residentIdAged(30);
		VolunteerView volunteer = this.registration.register(new NewVolunteer("测试志愿者", IdType.RESIDENT_ID, idNumber,
				null, null, phone, PASSWORD, regionCode, List.of("急救"), "2026-01", true, null));
		return new Person(volunteer.accountId(), phone, PASSWORD, volunteer.id(), idNumber);
	}

	/** An active organization in the region, with its admin (a registered volunteer). */
	public Team anActiveTeamIn(String regionCode) {
		Person admin = aVolunteerIn(regionCode);
		Actor adminActor = actorOf(admin);
		OrganizationView organization = this.organizations.apply(adminActor,
				new NewOrganization("测试志愿服务队" + uniqueUsername(""), OrganizationType.COMMUNITY_TEAM, null, regionCode,
						null, List.of(ServiceField.ELDERLY_CARE), null, null, null));
		Actor operator = new Actor(UUID.randomUUID(), "op", "op", Set.of(Grant.operatorOf(Regions.NATIONAL)));
		this.organizations.approve(operator, organization.id());
		return new Team(organization.id(), admin);
	}

	/** An active organization under a parent organization, with its admin. */
	public Team anActiveTeamUnder(UUID parentId, String regionCode) {
		Person admin = aVolunteerIn(regionCode);
		OrganizationView organization = this.organizations.apply(actorOf(admin),
				new NewOrganization("测试下级服务队" + uniqueUsername(""), OrganizationType.COMMUNITY_TEAM, null, regionCode,
						parentId, List.of(ServiceField.ELDERLY_CARE), null, null, null));
		Actor operator = new Actor(UUID.randomUUID(), "op", "op", Set.of(Grant.operatorOf(Regions.NATIONAL)));
		this.organizations.approve(operator, organization.id());
		return new Team(organization.id(), admin);
	}

	/**
	 * Many adult volunteers at once, written straight to the tables with one shared
	 * password hash: for load and concurrency tests, where registering each through the
	 * API would spend minutes hashing passwords. Sign them in with {@link #tokenFor}.
	 */
	public List<Person> manyVolunteersIn(String regionCode, int count) {
		String hash = this.passwordHash.get();
		List<Person> people = new java.util.ArrayList<>();
		java.time.OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (int i = 0; i < count; i++) {
			UUID accountId = org.zhiyuan.shared.Ids.newId();
			UUID volunteerId = org.zhiyuan.shared.Ids.newId();
			String phone = Identities.phone();
			this.jdbc
				.sql("INSERT INTO account (id, username, password_hash, display_name, status, created_at,"
						+ " password_changed_at) VALUES (:id, :u, :h, '批量志愿者', 'ACTIVE', :now, :now)")
				.param("id", accountId)
				.param("u", phone)
				.param("h", hash)
				.param("now", now)
				.update();
			this.jdbc.sql(
					"INSERT INTO account_grant (account_id, role, scope, granted_at) VALUES (:id, 'VOLUNTEER', '', :now)")
				.param("id", accountId)
				.param("now", now)
				.update();
			this.jdbc.sql("INSERT INTO volunteer (id, account_id, volunteer_number, name, id_type, id_number_masked,"
					+ " gender, birth_date, phone, region_code, status, privacy_policy_version, privacy_consented_at,"
					+ " oath_version, oath_accepted_at, registered_at) VALUES (:id, :account, :number, '批量志愿者',"
					+ " 'RESIDENT_ID', '110***********0000', 'FEMALE', :birth, :phone, :region, 'ACTIVE', '2026-01', :now,"
					+ " '2026-01', :now, :now)")
				.param("id", volunteerId)
				.param("account", accountId)
				.param("number", Identities.volunteerNumber())
				.param("birth", java.time.LocalDate.of(1990, 1, 1))
				.param("phone", phone)
				.param("region", regionCode)
				.param("now", now)
				.update();
			this.jdbc.sql("INSERT INTO volunteer_standing (volunteer_id) VALUES (:id)")
				.param("id", volunteerId)
				.update();
			people.add(new Person(accountId, phone, PASSWORD, volunteerId, null));
		}
		return people;
	}

	/** An API token for a person without a password check (fast, for load tests). */
	public String tokenFor(Person person) {
		return this.tokens.issue(actorOf(person)).value();
	}

	/** The actor a person acts as, with the grants they hold now. */
	public Actor actorOf(Person person) {
		AccountView account = this.accounts.find(person.id()).orElseThrow();
		return new Actor(account.id(), account.username(), account.displayName(), account.grants());
	}

	public Person anOperatorOf(String regionCode) {
		return aPersonWith("op", Grant.operatorOf(regionCode));
	}

	public Person anAuditorOf(String regionCode) {
		return aPersonWith("au", Grant.auditorOf(regionCode));
	}

	public Person aVolunteer() {
		return aVolunteerIn("110105");
	}

	public Person aPersonWith(String prefix, Grant grant) {
		String username = uniqueUsername(prefix);
		AccountView account = this.accounts.create(username, PASSWORD, "测试" + prefix, Set.of(grant), null);
		return new Person(account.id(), username, PASSWORD, null, null);
	}

	/** How many service records the volunteer has, counted or not. */
	public long recordCountOf(Person volunteer) {
		return this.jdbc.sql("SELECT COUNT(*) FROM service_record WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(Long.class)
			.single();
	}

	/** The volunteer's total hours as their standing keeps them. */
	public java.math.BigDecimal totalHoursOf(Person volunteer) {
		return this.jdbc.sql("SELECT total_hours FROM volunteer_standing WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query(java.math.BigDecimal.class)
			.single();
	}

	/** A username, or a suffix for a name, never handed out before in this JVM. */
	public static String uniqueUsername(String prefix) {
		return prefix + "-" + Identities.suffix();
	}

	/**
	 * Someone the test can sign in as: the account id, and for volunteers their volunteer
	 * id and full ID number (which the platform must never show).
	 */
	public record Person(UUID id, String username, String password, UUID volunteerId, String idNumber) {

	}

	/**
	 * A published activity of the team moved into the past, ended the given number of
	 * days ago, so that the clock has finished it and its records may be entered; the
	 * volunteer, when given, signed up for it (and was accepted) first.
	 */
	public Finished aFinishedActivity(Api api, Team team, Person volunteer, int daysAgo) {
		Api admin = api.as(tokenFor(team.admin()));
		Map<String, Object> body = ActivityFixtures.anActivity(team.id().toString(), 5);
		var created = admin.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		if (volunteer != null) {
			assertThat(api.as(tokenFor(volunteer))
				.post("/api/v1/activities/" + id + "/signups",
						Map.of("positionId", created.get("positions").get(0).get("id").asString()))
				.json()
				.get("status")
				.asString()).isEqualTo("APPROVED");
		}
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC)
			.minusDays(daysAgo)
			.minusHours(6)
			.truncatedTo(ChronoUnit.MINUTES);
		this.jdbc.sql("UPDATE activity SET starts_at = :start, ends_at = :end, signup_deadline = :start WHERE id = :id")
			.param("start", start)
			.param("end", start.plusHours(6))
			.param("id", UUID.fromString(id))
			.update();
		this.activities.advanceLifecycle();
		return new Finished(id, (String) body.get("title"), start);
	}

	/**
	 * A published activity of the team that started an hour ago and ends in two hours, so
	 * that check-in is open; the volunteers, when given, signed up for it (and were
	 * accepted) first.
	 */
	public Running aRunningActivity(Api api, Team team, Person... volunteers) {
		Api admin = api.as(tokenFor(team.admin()));
		Map<String, Object> body = ActivityFixtures.anActivity(team.id().toString(), 5);
		var created = admin.post("/api/v1/activities", body).json();
		String id = created.get("id").asString();
		String positionId = created.get("positions").get(0).get("id").asString();
		assertThat(admin.post("/api/v1/activities/" + id + "/publish", Map.of()).status()).isEqualTo(200);
		for (Person volunteer : volunteers) {
			assertThat(api.as(tokenFor(volunteer))
				.post("/api/v1/activities/" + id + "/signups", Map.of("positionId", positionId))
				.json()
				.get("status")
				.asString()).isEqualTo("APPROVED");
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", now.minusHours(1))
			.param("e", now.plusHours(2))
			.param("d", now.plusHours(1))
			.param("id", UUID.fromString(id))
			.update();
		return new Running(id, positionId, (String) body.get("title"), now.minusHours(1), team);
	}

	/** An activity under way: its id, first position, title, start and team. */
	public record Running(String id, String positionId, String title, OffsetDateTime startsAt, Team team) {

	}

	/** An activity that has finished: its id, title and start. */
	public record Finished(String id, String title, OffsetDateTime startsAt) {

	}

	/** An organization and its admin. */
	public record Team(UUID id, Person admin) {

	}

}
