package org.zhiyuan.fault;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.NewOrganization;
import org.zhiyuan.organization.OrganizationType;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.organization.VolunteerImports;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.support.ActivityFixtures;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Identities;
import org.zhiyuan.support.SentMessages;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The people and objects of the fault suites. Organization A is an active team of R1 with
 * its admin and a member; organization B another team of R1; staff of R1 and R2; a
 * national operator. Objects are made fresh on demand, cheaply: volunteers are written
 * straight to the tables and organizations are applied for and approved through the
 * service, so that a target costs a few requests.
 */
final class Scene {

	static final String REGION = "110105";

	static final String STREET = "110105001";

	/** A community (村/居委会) of that street. */
	static final String COMMUNITY = "110105001024";

	static final String OTHER_REGION = "310101";

	/** The skill the scene's mobilizations need. */
	static final String EMERGENCY_SKILL = "故障测试救援";

	private static final AtomicInteger EMERGENCY_SPOTS = new AtomicInteger();

	static final String REASON = "故障测试：按规定处理";

	/**
	 * The fixtures' password, hashed at the lowest cost: signing these people in costs
	 * next to nothing.
	 */
	private static final String CHEAP_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(Fixtures.PASSWORD);

	/**
	 * Activities start three hours apart, so that one volunteer's sign-ups never overlap.
	 */
	private static final AtomicInteger SLOTS = new AtomicInteger();

	private final Fixtures fixtures;

	private final Api api;

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final Activities activities;

	private final Notifications notifications;

	private final VolunteerImports imports;

	private final Actor platform = new Actor(UUID.randomUUID(), "fault-platform", "故障测试平台",
			Set.of(Grant.operatorOf(Regions.NATIONAL)));

	private final Map<Caller, Person> cast = new EnumMap<>(Caller.class);

	private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

	private final Team team;

	private final SentMessages sentMessages;

	Scene(Fixtures fixtures, Api api, JdbcClient jdbc, Organizations organizations, Activities activities,
			Notifications notifications, VolunteerImports imports, SentMessages sentMessages) {
		this.sentMessages = sentMessages;
		this.fixtures = fixtures;
		this.api = api;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.activities = activities;
		this.notifications = notifications;
		this.imports = imports;
		this.team = newTeam();
		this.cast.put(Caller.VOLUNTEER, memberOf(this.team));
		this.cast.put(Caller.OTHER_VOLUNTEER, volunteer());
		this.cast.put(Caller.ORG_ADMIN, this.team.admin());
		this.cast.put(Caller.OTHER_ORG_ADMIN, newTeam().admin());
		for (Caller staff : List.of(Caller.OPERATOR, Caller.OTHER_OPERATOR, Caller.AUDITOR, Caller.OTHER_AUDITOR,
				Caller.NATIONAL_OPERATOR)) {
			this.cast.put(staff, newcomer(staff));
		}
	}

	/** Organization A. */
	Team team() {
		return this.team;
	}

	/** Who plays the part in the usual cast; nobody for {@link Caller#ANONYMOUS}. */
	Person person(Caller caller) {
		return this.cast.get(caller);
	}

	/** Who plays the part for this target. */
	Person person(Caller caller, Target target) {
		if (caller == Caller.ANONYMOUS) {
			return null;
		}
		if (target.playedByNewcomer(caller)) {
			return newcomer(caller);
		}
		return target.person(caller).orElseGet(() -> this.cast.get(caller));
	}

	/** A client that sends the person's token, or none. */
	Api as(Person person) {
		return (person != null) ? this.api.as(token(person)) : this.api;
	}

	Api as(Caller caller) {
		return as(person(caller));
	}

	String token(Person person) {
		return this.tokens.computeIfAbsent(person.id(), (id) -> this.fixtures.tokenFor(person));
	}

	// people and organizations

	/** A volunteer of R1 with nothing to their name. */
	/** A volunteer registered with an ID number (records that travel bind it). */
	Person registeredVolunteer() {
		return this.fixtures.aVolunteerIn(REGION);
	}

	/** Another installation, registered here as a peer. */
	org.zhiyuan.interop.ForeignInstallation foreignPeer() {
		return org.zhiyuan.interop.ForeignInstallation.registered(this.jdbc, "外部平台");
	}

	Person volunteer() {
		Person volunteer = this.fixtures.manyVolunteersIn(REGION, 1).get(0);
		cheapen(volunteer.id());
		return volunteer;
	}

	/**
	 * A password reset that goes through: a fresh volunteer asked for a code, which the
	 * test channel caught.
	 */
	Map<String, Object> passwordResetBody() {
		Person volunteer = volunteer();
		this.api.post("/api/v1/auth/password-reset", Map.of("phone", volunteer.username()));
		return Map.of("phone", volunteer.username(), "code", this.sentMessages.resetCodeFor(volunteer.id()),
				"newPassword", "Changed-pass-2026");
	}

	/** A staff account with the grant. */
	Person staff(Grant grant) {
		UUID id = Ids.newId();
		String username = Fixtures.uniqueUsername("fault");
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc
			.sql("INSERT INTO account (id, username, password_hash, display_name, status, created_at,"
					+ " password_changed_at) VALUES (:id, :username, :hash, '故障测试工作人员', 'ACTIVE', :now, :now)")
			.param("id", id)
			.param("username", username)
			.param("hash", CHEAP_HASH)
			.param("now", now)
			.update();
		this.jdbc
			.sql("INSERT INTO account_grant (account_id, role, scope, granted_at) VALUES (:id, :role, :scope, :now)")
			.param("id", id)
			.param("role", grant.role().name())
			.param("scope", grant.scope())
			.param("now", now)
			.update();
		return new Person(id, username, Fixtures.PASSWORD, null, null);
	}

	private void cheapen(UUID accountId) {
		this.jdbc.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
			.param("hash", CHEAP_HASH)
			.param("id", accountId)
			.update();
	}

	/** An active team of R1 with a new admin. */
	Team newTeam() {
		Team pending = pendingTeam();
		this.organizations.approve(this.platform, pending.id());
		return pending;
	}

	/** A team of R1 that waits for review; its applicant is its admin. */
	Team pendingTeam() {
		Person admin = volunteer();
		UUID id = this.organizations
			.apply(this.fixtures.actorOf(admin),
					new NewOrganization("故障测试服务队" + Fixtures.uniqueUsername(""), OrganizationType.COMMUNITY_TEAM, null,
							REGION, null, List.of(ServiceField.ELDERLY_CARE), null, null, null))
			.id();
		return new Team(id, admin);
	}

	Team suspendedTeam() {
		Team suspended = newTeam();
		this.organizations.suspend(this.platform, suspended.id(), REASON);
		return suspended;
	}

	/** A volunteer the team's admin invited and who accepted. */
	Person memberOf(Team of) {
		Person member = invitedTo(of);
		this.organizations.acceptInvitation(this.fixtures.actorOf(member), of.id());
		return member;
	}

	/** A volunteer the team's admin invited, who has not answered. */
	Person invitedTo(Team of) {
		Person invited = volunteer();
		this.organizations.addMember(this.fixtures.actorOf(of.admin()), of.id(), invited.volunteerId(),
				MemberRole.MEMBER);
		return invited;
	}

	Person askingToJoin(Team of) {
		Person asking = volunteer();
		this.organizations.requestToJoin(this.fixtures.actorOf(asking), of.id());
		return asking;
	}

	/** Someone new in the part, for calls that change the caller's own account. */
	Person newcomer(Caller caller) {
		return switch (caller) {
			case ANONYMOUS -> null;
			case VOLUNTEER, OTHER_VOLUNTEER -> volunteer();
			case ORG_ADMIN, OTHER_ORG_ADMIN -> newTeam().admin();
			case OPERATOR -> staff(Grant.operatorOf(REGION));
			case OTHER_OPERATOR -> staff(Grant.operatorOf(OTHER_REGION));
			case AUDITOR -> staff(Grant.auditorOf(REGION));
			case OTHER_AUDITOR -> staff(Grant.auditorOf(OTHER_REGION));
			case NATIONAL_OPERATOR -> staff(Grant.operatorOf(Regions.NATIONAL));
		};
	}

	// activities

	/** An activity of the team: its first position, and its times. */
	record Activity(UUID id, UUID positionId, Team team, OffsetDateTime startsAt, OffsetDateTime endsAt) {

	}

	/** A valid new activity of the team, in a time slot of its own. */
	Map<String, Object> activityBody(Team of) {
		Map<String, Object> body = ActivityFixtures.anActivity(of.id().toString(), 20);
		return ActivityFixtures.startingIn(body, 7, 2);
	}

	/** An activity that took place ten days ago, as registered afterwards (补录). */
	Map<String, Object> pastActivityBody(Team of) {
		Map<String, Object> body = ActivityFixtures.anActivity(of.id().toString(), 20);
		return ActivityFixtures.startingIn(body, -10, 2);
	}

	Activity draft(Team of) {
		return draft(of, "AUTO");
	}

	/**
	 * An activity of the team registered after it took place (补录), waiting for the
	 * region's operators to confirm it.
	 */
	Activity pendingBackfill(Team of) {
		Map<String, Object> body = pastActivityBody(of);
		var created = expect(201,
				as(of.admin()).post("/api/v1/activities/past", Map.of("activity", body, "reason", "线下开展，活动后补录")))
			.json();
		return new Activity(UUID.fromString(created.get("id").asString()),
				UUID.fromString(created.get("positions").get(0).get("id").asString()), of,
				OffsetDateTime.parse((String) body.get("startsAt")), OffsetDateTime.parse((String) body.get("endsAt")));
	}

	Activity draft(Team of, String approval) {
		Map<String, Object> body = activityBody(of);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC)
			.plusDays(7)
			.plusHours(3L * SLOTS.incrementAndGet())
			.truncatedTo(ChronoUnit.SECONDS);
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(2).toString());
		body.put("approval", approval);
		var created = expect(201, as(of.admin()).post("/api/v1/activities", body)).json();
		return new Activity(UUID.fromString(created.get("id").asString()),
				UUID.fromString(created.get("positions").get(0).get("id").asString()), of, start, start.plusHours(2));
	}

	Activity recruiting(Team of) {
		return recruiting(of, "AUTO");
	}

	Activity recruiting(Team of, String approval) {
		Activity draft = draft(of, approval);
		expect(200, as(of.admin()).post("/api/v1/activities/" + draft.id() + "/publish", Map.of()));
		return draft;
	}

	/** Started an hour ago, ends in two hours: check-in is open. */
	Activity running(Team of) {
		Activity recruiting = recruiting(of);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		move(recruiting.id(), now.minusHours(1), now.plusHours(2), now.plusHours(1));
		return new Activity(recruiting.id(), recruiting.positionId(), of, now.minusHours(1), now.plusHours(2));
	}

	/** Ended two days ago; its records may be entered. */
	Activity finished(Team of) {
		Activity recruiting = recruiting(of);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.MINUTES);
		move(recruiting.id(), start, start.plusHours(6), start);
		this.activities.advanceLifecycle();
		return new Activity(recruiting.id(), recruiting.positionId(), of, start, start.plusHours(6));
	}

	Activity cancelled(Team of) {
		Activity recruiting = recruiting(of);
		expect(200, as(of.admin()).post("/api/v1/activities/" + recruiting.id() + "/cancel", Map.of("reason", REASON)));
		return recruiting;
	}

	private void move(UUID activity, OffsetDateTime start, OffsetDateTime end, OffsetDateTime deadline) {
		this.jdbc.sql("UPDATE activity SET starts_at = :s, ends_at = :e, signup_deadline = :d WHERE id = :id")
			.param("s", start)
			.param("e", end)
			.param("d", deadline)
			.param("id", activity)
			.update();
	}

	// sign-ups, attendance and records

	UUID signUp(Activity activity, Person volunteer) {
		return id(expect(201, as(volunteer).post("/api/v1/activities/" + activity.id() + "/signups",
				Map.of("positionId", activity.positionId().toString()))));
	}

	/** A volunteer with an accepted place at the activity. */
	Person signedUp(Activity activity) {
		Person volunteer = volunteer();
		signUp(activity, volunteer);
		return volunteer;
	}

	void checkIn(Activity activity, Person volunteer) {
		expect(200, as(activity.team().admin()).post("/api/v1/activities/" + activity.id() + "/attendance/check-in",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "reason", REASON)));
	}

	String checkinCode(Activity activity) {
		return expect(201,
				as(activity.team().admin()).post("/api/v1/activities/" + activity.id() + "/checkin-codes", Map.of()))
			.json()
			.get("code")
			.asString();
	}

	/** A valid manual record of two hours at a finished activity. */
	Map<String, Object> recordBody(Activity finished, Person volunteer) {
		return new java.util.HashMap<>(Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId",
				finished.id().toString(), "startedAt", finished.startsAt().toString(), "endedAt",
				finished.startsAt().plusHours(2).toString(), "content", "助餐服务", "reason", REASON));
	}

	UUID record(Activity finished, Person volunteer) {
		return id(expect(201, as(finished.team().admin()).post("/api/v1/records", recordBody(finished, volunteer))));
	}

	/** A record of a member of the team, with its volunteer. */
	Recorded recorded(Team of) {
		Person volunteer = memberOf(of);
		return new Recorded(record(finished(of), volunteer), volunteer);
	}

	/**
	 * A record of a volunteer registered with an ID number, which a transfer package
	 * binds.
	 */
	Recorded recordedWithIdNumber(Team of) {
		Person volunteer = registeredVolunteer();
		return new Recorded(record(finished(of), volunteer), volunteer);
	}

	/**
	 * A volunteer registered with an ID number whose time account holds the hours of a
	 * record of an activity eligible for the time bank (six hours).
	 */
	Person timeBankHolder(Team of) {
		Person volunteer = registeredVolunteer();
		Activity finished = finished(of);
		this.jdbc.sql("UPDATE activity SET time_bank_eligible = TRUE WHERE id = :id")
			.param("id", finished.id())
			.update();
		record(finished, volunteer);
		return volunteer;
	}

	record Recorded(UUID id, Person volunteer) {

	}

	/**
	 * A check-out record of a member of the team, held for review: the organizer had
	 * entered part of the same time by hand first.
	 */
	Recorded held(Team of) {
		Activity running = running(of);
		Person volunteer = memberOf(of);
		signUp(running, volunteer);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		String attendance = "/api/v1/activities/" + running.id() + "/attendance";
		expect(200, as(of.admin()).post(attendance + "/check-in", Map.of("volunteerId",
				volunteer.volunteerId().toString(), "at", now.minusMinutes(50).toString(), "reason", REASON)));
		expect(201,
				as(of.admin()).post("/api/v1/records",
						Map.of("volunteerId", volunteer.volunteerId().toString(), "activityId", running.id().toString(),
								"startedAt", now.minusMinutes(40).toString(), "endedAt",
								now.minusMinutes(10).toString(), "reason", REASON)));
		Response out = expect(200, as(of.admin()).post(attendance + "/check-out",
				Map.of("volunteerId", volunteer.volunteerId().toString(), "reason", REASON)));
		return new Recorded(UUID.fromString(out.json().get("recordId").asString()), volunteer);
	}

	/**
	 * A certificate the team issued for one of its members' records, with that volunteer.
	 */
	Certified certified(Team of) {
		Recorded record = recorded(of);
		Response issued = expect(201, as(of.admin()).post("/api/v1/certificates", certificateBody(record.volunteer())));
		return new Certified(issued.json().get("number").asString(), record.volunteer());
	}

	static Map<String, Object> certificateBody(Person volunteer) {
		return Map.of("volunteerId", volunteer.volunteerId().toString(), "from", "2000-01-01", "to",
				LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
	}

	record Certified(String number, Person volunteer) {

	}

	/** A small seal image, a red ring on a transparent ground. */
	static byte[] seal() {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 120,
				java.awt.image.BufferedImage.TYPE_INT_ARGB);
		java.awt.Graphics2D graphics = image.createGraphics();
		graphics.setColor(new java.awt.Color(200, 20, 20));
		graphics.drawOval(5, 5, 110, 110);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	UUID amendment(Recorded record) {
		return id(expect(201, as(record.volunteer()).post("/api/v1/records/" + record.id() + "/amendments",
				Map.of("hours", "1.50", "reason", REASON))));
	}

	UUID qualification(Person volunteer) {
		return id(expect(201, as(volunteer).post("/api/v1/volunteers/me/qualifications",
				Map.of("name", "急救员证", "issuer", "红十字会", "expiresOn", LocalDate.now().plusYears(2).toString()))));
	}

	UUID notification(Person person) {
		this.notifications.send(new NotificationRequest(person.id(), NotificationKind.GENERAL,
				"notification.signupApproved", List.of("故障测试"), null, null));
		return this.notifications.listFor(person.id(), false, PageQuery.of(0, 1)).items().get(0).id();
	}

	UUID project(Team of) {
		return id(expect(201, as(of.admin()).post("/api/v1/projects", Map.of("organizationId", of.id().toString(),
				"name", "邻里守望", "field", "ELDERLY_CARE", "level", "COMMUNITY"))));
	}

	/** A policy of the team covering the year from yesterday. */
	UUID policy(Team of) {
		return id(expect(201, as(of.admin()).post("/api/v1/insurance-policies", policyBody(of))));
	}

	// the time bank

	/** What names a volunteer to a relative: their volunteer number and name. */
	Map<String, Object> relativeBody(Person relative, String relation) {
		Map<String, Object> body = new java.util.HashMap<>(
				this.jdbc.sql("SELECT volunteer_number, name FROM volunteer WHERE id = :id")
					.param("id", relative.volunteerId())
					.query((rs, n) -> Map.<String, Object>of("phoneOrNumber", rs.getString(1), "name", rs.getString(2)))
					.single());
		body.put("relation", relation);
		return body;
	}

	/** A declaration of a new volunteer naming another, who has not yet answered. */
	Pending pendingRelative() {
		Person declarer = volunteer();
		Person relative = volunteer();
		UUID id = id(expect(201, as(declarer).post("/api/v1/me/relatives", relativeBody(relative, "SPOUSE"))));
		return new Pending(id, relative);
	}

	/**
	 * A member of the team with two hours in the time bank (a record of an activity
	 * marked for it, which they had signed up for, so that the record waits for no
	 * review) and a spouse who confirmed.
	 */
	Related related(Team of) {
		Person giver = memberOf(of);
		Activity recruiting = recruiting(of);
		signUp(recruiting, giver);
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.MINUTES);
		move(recruiting.id(), start, start.plusHours(6), start);
		this.activities.advanceLifecycle();
		Activity finished = new Activity(recruiting.id(), recruiting.positionId(), of, start, start.plusHours(6));
		this.jdbc.sql("UPDATE activity SET time_bank_eligible = TRUE WHERE id = :id")
			.param("id", finished.id())
			.update();
		record(finished, giver);
		Person spouse = volunteer();
		UUID id = id(expect(201, as(giver).post("/api/v1/me/relatives", relativeBody(spouse, "SPOUSE"))));
		expect(200, as(spouse).post("/api/v1/relatives/" + id + "/confirmation", Map.of()));
		return new Related(giver, spouse);
	}

	record Pending(UUID id, Person relative) {

	}

	record Related(Person giver, Person relative) {

	}

	/**
	 * A reward of the region's catalogue, offered by its operator: 10 points, 50 in
	 * stock.
	 */
	UUID reward() {
		return UUID.fromString(expect(201,
				as(Caller.OPERATOR).post("/api/v1/rewards",
						Map.of("regionCode", REGION, "title", "社区咖啡", "price", 10, "stock", 50, "perPerson", 50)))
			.json()
			.get("reward")
			.get("id")
			.asString());
	}

	/** A volunteer of the region holding 1,000 points, in one lot valid for a year. */
	Person pointsHolder() {
		Person holder = volunteer();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		UUID lot = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO point_account (volunteer_id, owed, created_at) VALUES (:v, 0, :now)")
			.param("v", holder.volunteerId())
			.param("now", now)
			.update();
		this.jdbc
			.sql("INSERT INTO point_lot (id, volunteer_id, region_code, rate, points, remaining, issued_at, expires_at)"
					+ " VALUES (:id, :v, :region, 10, 1000, 1000, :now, :later)")
			.param("id", lot)
			.param("v", holder.volunteerId())
			.param("region", REGION)
			.param("now", now)
			.param("later", now.plusYears(1))
			.update();
		this.jdbc
			.sql("INSERT INTO point_entry (id, volunteer_id, lot_id, kind, points, created_at) VALUES (:id, :v, :lot,"
					+ " 'ISSUE', 1000, :now)")
			.param("id", UUID.randomUUID())
			.param("v", holder.volunteerId())
			.param("lot", lot)
			.param("now", now)
			.update();
		return holder;
	}

	/**
	 * A redemption of a new reward by a new holder of points: its id, code and holder.
	 */
	Redeemed redeemed() {
		Person holder = pointsHolder();
		Response response = expect(201, as(holder).post("/api/v1/rewards/" + reward() + "/redemptions", ""));
		return new Redeemed(id(response), response.json().get("code").asString(), holder);
	}

	record Redeemed(UUID id, String code, Person holder) {

	}

	/**
	 * A service held with one of the two hours of a member of the team, who ordered it
	 * themselves.
	 */
	Held heldService(Team of) {
		Person volunteer = related(of).giver();
		UUID id = id(expect(201,
				as(volunteer).post("/api/v1/time-services", Map.of("hours", "1.00", "description", "上门助浴"))));
		return new Held(id, volunteer);
	}

	record Held(UUID id, Person volunteer) {

	}

	/** An item on the team's service menu. */
	UUID menuItem(Team of) {
		return id(expect(201, as(of.admin()).post("/api/v1/organizations/" + of.id() + "/menu-items", menuItemBody())));
	}

	static Map<String, Object> policyBody(Team of) {
		return Map.of("organizationId", of.id().toString(), "insurer", "中国人民财产保险", "policyNumber",
				"PN-" + UUID.randomUUID().toString().substring(0, 13), "startsOn",
				LocalDate.now().minusDays(1).toString(), "endsOn", LocalDate.now().plusYears(1).toString(), "coverage",
				"意外身故/伤残 50 万元");
	}

	/** A person of a key group whom the team registered, at the site. */
	UUID beneficiary(Team of) {
		return id(expect(201, as(of.admin()).post("/api/v1/beneficiaries", beneficiaryBody(of))));
	}

	/**
	 * An elderly person living alone in R1's street, at the site, registered by the team,
	 * with the guardian who consented for them.
	 */
	static Map<String, Object> beneficiaryBody(Team of) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", STREET);
		body.put("organizationId", of.id().toString());
		body.put("name", "故障测试老人");
		body.put("keyGroup", "ELDERLY_LIVING_ALONE");
		body.put("gender", "MALE");
		body.put("birthYear", 1940);
		body.put("address", "建外街道某小区 1 号楼 101");
		body.put("location", Map.of("lat", 39.9088, "lng", 116.4446));
		body.put("phone", "13700009999");
		body.put("notes", "行动不便");
		body.put("guardian", Map.of("name", "故障测试家属", "consentOn", LocalDate.now().minusDays(1).toString()));
		return body;
	}

	/** The body of a pairing of a new beneficiary of the team with the member. */
	Map<String, Object> pairingBody(Team of, Person member) {
		return Map.of("beneficiaryId", beneficiary(of).toString(), "organizationId", of.id().toString(), "volunteerId",
				member.volunteerId().toString(), "frequency", "WEEKLY", "geofenceMeters", 300);
	}

	/** A weekly pairing of a new beneficiary of the team with the member. */
	UUID pairing(Team of, Person member) {
		return id(expect(201, as(of.admin()).post("/api/v1/pairings", pairingBody(of, member))));
	}

	UUID importOf(Team of) {
		return this.imports.start(this.fixtures.actorOf(of.admin()), of.id(), "import.xlsx", importTemplate(), true)
			.id();
	}

	static byte[] importTemplate() {
		return Template.BYTES.clone();
	}

	/** The import template, written once. */
	private static final class Template {

		static final byte[] BYTES;

		static {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			VolunteerImports.writeTemplate(out);
			BYTES = out.toByteArray();
		}

	}

	/** A course of organization A granting 急救证书 for two years. */
	/**
	 * A station of R1's street, entered by R1's operator; closed when {@code open} is
	 * false.
	 */
	UUID station(boolean open) {
		Api operator = as(person(Caller.OPERATOR));
		UUID id = id(expect(201, operator.post("/api/v1/stations", stationBody())));
		if (!open) {
			expect(200, operator.post("/api/v1/stations/" + id + "/close", Map.of("reason", REASON)));
		}
		return id;
	}

	static Map<String, Object> stationBody() {
		return Map.of("name", "建外街道志愿服务站" + UUID.randomUUID().toString().substring(0, 6), "kind", "SERVICE_POINT",
				"regionCode", STREET, "address", "建国门外大街 1 号", "location", Map.of("lat", 39.9088, "lng", 116.4446),
				"openingHours", "周一至周五 9:00-17:00", "checklist", Map.of("venue", true, "team", true, "projects", true,
						"facilities", false, "rules", true, "signage", true));
	}

	UUID course(Team of) {
		return id(expect(201, as(of.admin()).post("/api/v1/courses", courseBody(of))));
	}

	static Map<String, Object> courseBody(Team of) {
		return Map.of("organizationId", of.id().toString(), "title", "急救培训", "description", "心肺复苏与止血", "hours", "4.0",
				"qualification", Map.of("code", "FIRST_AID", "validMonths", 24), "teachers", List.of("王医生"));
	}

	static Map<String, Object> courseSessionBody() {
		OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0);
		return Map.of("startsAt", start.toString(), "endsAt", start.plusHours(4).toString(), "regionCode", STREET,
				"address", "社区卫生服务中心", "capacity", 20, "teacher", "李老师");
	}

	/** A session of a new course of organization A, three days ahead or under way. */
	UUID courseSession(Team of, boolean started) {
		UUID session = id(
				expect(201, as(of.admin()).post("/api/v1/courses/" + course(of) + "/sessions", courseSessionBody())));
		if (started) {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
			this.jdbc.sql("UPDATE course_session SET starts_at = :s, ends_at = :e WHERE id = :id")
				.param("s", now.minusMinutes(30))
				.param("e", now.plusHours(2))
				.param("id", session)
				.update();
		}
		return session;
	}

	/** A new volunteer enrolled in the session (before it was moved to now). */
	Person enrolledIn(Team of, UUID[] session, boolean started) {
		session[0] = courseSession(of, false);
		Person volunteer = volunteer();
		expect(201, as(volunteer).post("/api/v1/course-sessions/" + session[0] + "/enrolments", Map.of()));
		if (started) {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
			this.jdbc.sql("UPDATE course_session SET starts_at = :s, ends_at = :e WHERE id = :id")
				.param("s", now.minusMinutes(30))
				.param("e", now.plusHours(2))
				.param("id", session[0])
				.update();
		}
		return volunteer;
	}

	String courseSessionCode(Team of, UUID session) {
		return expect(201, as(of.admin()).post("/api/v1/course-sessions/" + session + "/checkin-codes", Map.of()))
			.json()
			.get("code")
			.asString();
	}

	/**
	 * A results sheet naming nobody enrolled: read, and every row refused in the report.
	 */
	static byte[] resultsSheet() {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet("成绩");
			sheet.createRow(0).createCell(0).setCellValue("志愿者编号");
			org.apache.poi.ss.usermodel.Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("NOBODY");
			row.createCell(1).setCellValue("通过");
			workbook.write(out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	// needs (C12)

	/**
	 * Completed needs' services lie forty days back, three hours apart, so that one
	 * volunteer's never overlap each other or the scene's other records.
	 */
	private static final AtomicInteger NEED_SLOTS = new AtomicInteger();

	/** The stage a need of the scene has reached. */
	enum NeedStage {

		SUBMITTED, DISPATCHED, ACCEPTED, DONE

	}

	/** A resident of a community of R1, signed in cheaply. */
	Person resident() {
		Response registered = expect(201, this.api.post("/api/v1/residents", residentBody()));
		UUID account = UUID.fromString(registered.json().get("accountId").asString());
		cheapen(account);
		return new Person(account, registered.json().path("phone").asString(""), Fixtures.PASSWORD, null, null);
	}

	static Map<String, Object> residentBody() {
		return Map.of("name", "故障测试居民", "phone", Identities.phone(), "password", Fixtures.PASSWORD, "regionCode",
				COMMUNITY);
	}

	static Map<String, Object> menuItemBody() {
		return Map.of("title", "上门理发", "field", "ELDERLY_CARE", "description", "每月一次上门为老人理发", "regionCodes",
				List.of(REGION));
	}

	/** A need of R1's community in its own words, wanted tomorrow. */
	static Map<String, Object> needBody(boolean onBehalf) {
		OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(ChronoUnit.HOURS);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "代买药品");
		body.put("description", "帮忙去药店买降压药");
		body.put("field", "ELDERLY_CARE");
		body.put("regionCode", COMMUNITY);
		body.put("address", "建国门外大街 1 号院 2 楼");
		body.put("location", Map.of("lat", 39.9088, "lng", 116.4446));
		body.put("wantedFrom", from.toString());
		body.put("wantedTo", from.plusHours(2).toString());
		if (onBehalf) {
			body.put("onBehalfOf", Map.of("name", "故障测试老人", "phone", Identities.phone()));
		}
		return body;
	}

	/**
	 * A need of the resident that has reached the stage: dispatched to the team and
	 * accepted by the cast's volunteer (a member of the team) when it goes that far.
	 */
	UUID need(Person resident, Team to, NeedStage stage) {
		UUID id = id(expect(201, as(resident).post("/api/v1/needs", needBody(false))));
		if (stage == NeedStage.SUBMITTED) {
			return id;
		}
		expect(200, as(Caller.NATIONAL_OPERATOR).post("/api/v1/needs/" + id + "/dispatch",
				Map.of("organizationId", to.id().toString())));
		if (stage == NeedStage.DISPATCHED) {
			return id;
		}
		expect(200, as(Caller.VOLUNTEER).post("/api/v1/needs/" + id + "/acceptance", Map.of()));
		if (stage == NeedStage.ACCEPTED) {
			return id;
		}
		expect(200, as(to.admin()).post("/api/v1/needs/" + id + "/completion", needCompletionBody()));
		return id;
	}

	/** Two hours of service in a slot of their own. */
	static Map<String, Object> needCompletionBody() {
		OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC)
			.minusDays(40)
			.plusHours(3L * NEED_SLOTS.incrementAndGet())
			.truncatedTo(ChronoUnit.MINUTES);
		return Map.of("startedAt", end.minusHours(2).toString(), "endedAt", end.toString());
	}

	// emergency mobilization

	/** An active team of R1 marked as a street emergency team (大队). */
	UUID emergencyTeam() {
		Team marked = newTeam();
		expect(200, as(staff(Grant.operatorOf(REGION))).send("PUT", "/api/v1/emergency/teams/" + marked.id(),
				Map.of("tier", "STREET")));
		return marked.id();
	}

	/** A system to connect in R1. */
	static Map<String, Object> apiClientBody() {
		return Map.of("name", "区数据交换平台", "scopes", List.of("stats:read", "records:read"), "regionCode", REGION);
	}

	/** A connected system of R1, registered by an operator of R1. */
	UUID apiClient() {
		Response created = expect(201, as(staff(Grant.operatorOf(REGION))).post("/api/v1/clients", apiClientBody()));
		return UUID.fromString(created.json().get("id").asString());
	}

	static Map<String, Object> emergencyProfileBody() {
		return Map.of("homeLat", 39.92, "homeLng", 116.44, "readiness", "HIGH", "qualifications",
				List.of(Map.of("kind", "FIRST_AID", "validUntil", LocalDate.now().plusYears(1).toString())));
	}

	/**
	 * A volunteer of R1 with the skill the scene's mobilizations need and an emergency
	 * profile at a spot of their own, far from everyone else's.
	 */
	Person responder() {
		Person volunteer = volunteer();
		this.jdbc.sql("INSERT INTO volunteer_attribute (volunteer_id, kind, attribute) VALUES (:id, 'SKILL', :skill)")
			.param("id", volunteer.volunteerId())
			.param("skill", EMERGENCY_SKILL)
			.update();
		int spot = EMERGENCY_SPOTS.incrementAndGet();
		double lat = 20 + (spot % 300) * 0.1;
		double lng = 80 + (spot / 300 % 500) * 0.1;
		expect(200, as(volunteer).send("PUT", "/api/v1/me/emergency-profile",
				Map.of("homeLat", lat, "homeLng", lng, "readiness", "HIGH", "qualifications", List.of())));
		return volunteer;
	}

	/**
	 * A mobilization of R1 at the volunteer's home, for one person with the scene's
	 * skill.
	 */
	Map<String, Object> mobilizationBody(Person near) {
		Map<String, Object> home = home(near);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", REGION);
		body.put("title", "故障测试应急集结");
		body.put("location", home);
		body.put("radiusKm", 1);
		body.put("assembleAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0).toString());
		body.put("assemblyPoint", Map.of("name", "集结点", "lat", home.get("lat"), "lng", home.get("lng")));
		body.put("needs", List.of(Map.of("skill", EMERGENCY_SKILL, "count", 1)));
		body.put("drill", true);
		return body;
	}

	/**
	 * A mobilization of R1 that called one volunteer, who answered as given (null: not
	 * yet).
	 */
	Called mobilization(String answer) {
		Person volunteer = responder();
		UUID id = id(expect(201, as(staff(Grant.operatorOf(REGION))).post("/api/v1/emergency/mobilizations",
				mobilizationBody(volunteer))));
		if (answer != null) {
			expect(200, as(volunteer).post("/api/v1/emergency/mobilizations/" + id + "/responses",
					Map.of("answer", answer)));
		}
		return new Called(id, volunteer);
	}

	/**
	 * A muster at the assembly point of the mobilization, which is the called volunteer's
	 * home, with the code shown there (either would do).
	 */
	Map<String, Object> musterBody(Called called) {
		Api.Response code = expect(200, as(staff(Grant.operatorOf(REGION)))
			.get("/api/v1/emergency/mobilizations/" + called.id() + "/muster-code"));
		return Map.of("location", home(called.volunteer()), "code", code.json().get("code").asString());
	}

	// emergency plans

	/**
	 * A flood plan of R1 for one person with the scene's skill, calling a street
	 * emergency team of R1 first, with one assembly point.
	 */
	Map<String, Object> planBody() {
		Map<String, Object> body = new LinkedHashMap<>(planChangeBody());
		body.put("regionCode", REGION);
		body.put("teamIds", List.of(emergencyTeam().toString()));
		return body;
	}

	/** A plan's fields as a change gives them: no region, no teams. */
	Map<String, Object> planChangeBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "故障测试防汛预案");
		body.put("hazard", "FLOOD");
		body.put("description", "故障测试用");
		body.put("radiusKm", 1);
		body.put("needs", List.of(Map.of("skill", EMERGENCY_SKILL, "count", 1)));
		body.put("teamIds", List.of());
		body.put("assemblyPoints", List.of(Map.of("name", "预案集结点", "lat", 39.92, "lng", 116.44)));
		return body;
	}

	/** An active plan of R1, written by an operator of R1. */
	UUID plan() {
		return id(expect(201, as(staff(Grant.operatorOf(REGION))).post("/api/v1/emergency/plans", planBody())));
	}

	/** A drill launched from a plan at the volunteer's home. */
	Map<String, Object> planLaunchBody(Person near) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "故障测试按预案集结");
		body.put("location", home(near));
		body.put("radiusKm", 1);
		body.put("assembleAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0).toString());
		body.put("assemblyPointIndex", 0);
		body.put("drill", true);
		return body;
	}

	private Map<String, Object> home(Person volunteer) {
		return this.jdbc.sql("SELECT home_lat, home_lng FROM emergency_profile WHERE volunteer_id = :id")
			.param("id", volunteer.volunteerId())
			.query((rs, row) -> Map.<String, Object>of("lat", rs.getDouble(1), "lng", rs.getDouble(2)))
			.single();
	}

	/** A task group led by the accepted volunteer of the mobilization. */
	Map<String, Object> groupBody(Called called) {
		return Map.of("name", "一组-" + UUID.randomUUID().toString().substring(0, 8), "task", "转移群众", "leaderId",
				called.volunteer().volunteerId().toString());
	}

	/** A mobilization whose accepted volunteer leads a task group. */
	Grouped taskGroup() {
		Called called = mobilization("ACCEPT");
		UUID group = id(expect(201, as(staff(Grant.operatorOf(REGION)))
			.post("/api/v1/emergency/mobilizations/" + called.id() + "/groups", groupBody(called))));
		return new Grouped(called.id(), group, called.volunteer());
	}

	/** A mobilization and the one volunteer it called. */
	record Called(UUID id, Person volunteer) {

	}

	/** A mobilization's task group and its leader. */
	record Grouped(UUID id, UUID groupId, Person leader) {

	}

	// emergency duty rosters

	/**
	 * A new emergency team of R1 with two members: one on duty tomorrow's day shift, the
	 * other the night after.
	 */
	Duty duty() {
		Team team = newTeam();
		expect(200, as(staff(Grant.operatorOf(REGION))).send("PUT", "/api/v1/emergency/teams/" + team.id(),
				Map.of("tier", "STREET")));
		Person member = memberOf(team);
		Person partner = memberOf(team);
		LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
		expect(200, as(team.admin()).send("PUT", dutyPath(team, day, "DAY", member), null));
		expect(200, as(team.admin()).send("PUT", dutyPath(team, day.plusDays(1), "NIGHT", partner), null));
		return new Duty(team, member, partner, day);
	}

	static String dutyPath(Team team, LocalDate day, String shift, Person volunteer) {
		return "/api/v1/emergency/teams/" + team.id() + "/duty/" + day + "/" + shift + "/members/"
				+ volunteer.volunteerId();
	}

	/** The member's request to swap their shift for the partner's. */
	static Map<String, Object> swapBody(Duty duty) {
		return Map.of("day", duty.day().toString(), "shift", "DAY", "withVolunteerId",
				duty.partner().volunteerId().toString(), "partnerDay", duty.day().plusDays(1).toString(),
				"partnerShift", "NIGHT");
	}

	/** A swap the member asked for, which the partner agreed to when {@code agreed}. */
	DutySwapAsked dutySwap(boolean agreed) {
		Duty duty = duty();
		UUID id = id(expect(201,
				as(duty.member()).post("/api/v1/emergency/teams/" + duty.team().id() + "/duty/swaps", swapBody(duty))));
		if (agreed) {
			expect(200, as(duty.partner())
				.post("/api/v1/emergency/teams/" + duty.team().id() + "/duty/swaps/" + id + "/accept", Map.of()));
		}
		return new DutySwapAsked(duty, id);
	}

	/** An emergency team, a member on duty on the day's day shift and a partner. */
	record Duty(Team team, Person member, Person partner, LocalDate day) {

	}

	record DutySwapAsked(Duty duty, UUID id) {

	}

	// webhooks

	/**
	 * A webhook of R1 to an address that never resolves (.invalid), so that nothing
	 * leaves the computer.
	 */
	static Map<String, Object> webhookBody() {
		return Map.of("url", "https://receiver.invalid/fault", "events", List.of("activity.cancelled"), "regionCode",
				REGION);
	}

	UUID webhook() {
		return id(expect(201, as(staff(Grant.operatorOf(REGION))).post("/api/v1/webhooks", webhookBody())));
	}

	/** A webhook of R1 with one delivery: a ping. */
	WebhookDelivery webhookDelivery() {
		Api operator = as(staff(Grant.operatorOf(REGION)));
		UUID webhook = id(expect(201, operator.post("/api/v1/webhooks", webhookBody())));
		UUID delivery = id(expect(202, operator.post("/api/v1/webhooks/" + webhook + "/test", Map.of())));
		return new WebhookDelivery(webhook, delivery);
	}

	record WebhookDelivery(UUID webhookId, UUID deliveryId) {

	}

	// complaints and reports

	/** A complaint about the organization, as filed. */
	static Map<String, Object> complaintBody(UUID organizationId) {
		return Map.of("subjectType", "ORGANIZATION", "subjectId", organizationId.toString(), "category", "SAFETY",
				"description", "活动现场没有安全防护。", "contactPhone", "13800138000");
	}

	/**
	 * A complaint about a new organization of R1 by a volunteer of R1, taken by an
	 * operator of R1 as far as the status (SUBMITTED, ASSIGNED or INVESTIGATING).
	 */
	Complained complaint(String status) {
		Person complainant = volunteer();
		UUID id = id(expect(201, as(complainant).post("/api/v1/complaints", complaintBody(newTeam().id()))));
		Person operator = staff(Grant.operatorOf(REGION));
		if (!"SUBMITTED".equals(status)) {
			expect(200, as(operator).post("/api/v1/complaints/" + id + "/assignment",
					Map.of("assigneeId", operator.id().toString())));
		}
		if ("INVESTIGATING".equals(status)) {
			expect(200, as(operator).post("/api/v1/complaints/" + id + "/investigation", Map.of()));
		}
		return new Complained(id, complainant);
	}

	/**
	 * A report about a new organization of R1 by an anonymous visitor with a new phone.
	 */
	static Map<String, Object> anonymousComplaintBody(UUID organizationId) {
		Map<String, Object> body = new java.util.HashMap<>(complaintBody(organizationId));
		body.put("contactPhone",
				"137" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000)));
		return body;
	}

	/** The tracking code of a new anonymous report about a new organization of R1. */
	String trackingCode() {
		return expect(201, this.api.post("/api/v1/complaints", anonymousComplaintBody(newTeam().id()))).json()
			.get("trackingCode")
			.asString();
	}

	/**
	 * A submitted complaint (as {@link #complaint}) with one PDF of evidence, number 1.
	 */
	Complained complaintWithFile() {
		Complained complained = complaint("SUBMITTED");
		expect(201, as(complained.complainant()).postMultipart("/api/v1/complaints/" + complained.id() + "/attachments",
				"file", "evidence.pdf", evidencePdf(), Map.of()));
		return complained;
	}

	/** A small PDF, as evidence. */
	static byte[] evidencePdf() {
		return "%PDF-1.4\n% evidence\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The account of a new operator of R1, to assign a complaint to. */
	String complaintHandler() {
		return staff(Grant.operatorOf(REGION)).id().toString();
	}

	record Complained(UUID id, Person complainant) {

	}

	private static UUID id(Response response) {
		return UUID.fromString(response.json().get("id").asString());
	}

	private static Response expect(int status, Response response) {
		if (response.status() != status) {
			throw new IllegalStateException("Setting the scene failed: " + response.status() + " " + response.body());
		}
		return response;
	}

	// erasure requests

	/** A fresh volunteer of R1 with a queued request to erase their profile. */
	ErasureAsked erasureRequest() {
		Person volunteer = volunteer();
		UUID id = id(expect(201, as(volunteer).post("/api/v1/me/erasure-requests", Map.of("scope", "PROFILE"))));
		return new ErasureAsked(id, volunteer);
	}

	record ErasureAsked(UUID id, Person volunteer) {

	}

	// commendation

	/** A campaign of R1 for volunteers, taking nominations for three days. */
	static Map<String, Object> commendationBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", REGION);
		body.put("title", "故障测试年度表彰");
		body.put("kind", "VOLUNTEER");
		body.put("nominationsUntil", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).withNano(0).toString());
		body.put("noticeDays", 7);
		return body;
	}

	/** A campaign of R1 for volunteers, opened by an operator of R1. */
	UUID commendation() {
		Response created = expect(201,
				as(staff(Grant.operatorOf(REGION))).post("/api/v1/commendations", commendationBody()));
		return UUID.fromString(created.json().get("id").asString());
	}

	/**
	 * A new member of organization A nominated in a new campaign of R1, pending review.
	 */
	Nominated nomination() {
		UUID campaign = commendation();
		Person nominee = memberOf(this.team);
		Response nominated = expect(201,
				as(this.team.admin()).post("/api/v1/commendations/" + campaign + "/nominations",
						Map.of("nomineeId", nominee.volunteerId().toString(), "reason", REASON)));
		return new Nominated(campaign, UUID.fromString(nominated.json().get("id").asString()), nominee);
	}

	/** A campaign of R1 with one approved nomination, before its notice. */
	Nominated approvedNomination() {
		Nominated nominated = nomination();
		expect(200, as(staff(Grant.operatorOf(REGION)))
			.post("/api/v1/nominations/" + nominated.nominationId() + "/review", Map.of("decision", "APPROVE")));
		return nominated;
	}

	/** A campaign of R1 on public notice with one nominee. */
	Nominated nominationInNotice() {
		Nominated nominated = approvedNomination();
		expect(200, as(staff(Grant.operatorOf(REGION)))
			.post("/api/v1/commendations/" + nominated.commendationId() + "/notice", Map.of()));
		return nominated;
	}

	/**
	 * A campaign of R1 whose notice has ended with no objection: ready for its awards.
	 */
	UUID commendationReadyToAward() {
		Nominated nominated = nominationInNotice();
		this.jdbc.sql("UPDATE commendation SET notice_ends_at = :past WHERE id = :id")
			.param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.param("id", nominated.commendationId())
			.update();
		return nominated.commendationId();
	}

	/** An open objection to a nominee on notice in R1. */
	UUID commendationObjection() {
		Nominated nominated = nominationInNotice();
		Response objected = expect(201, as(volunteer())
			.post("/api/v1/nominations/" + nominated.nominationId() + "/objections", Map.of("reason", REASON)));
		return UUID.fromString(objected.json().get("id").asString());
	}

	record Nominated(UUID commendationId, UUID nominationId, Person nominee) {

	}

	// stories (C19)

	/** A story of organization A, as its admin writes it. */
	static Map<String, Object> storyBody(UUID organizationId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organizationId", organizationId.toString());
		body.put("regionCode", REGION);
		body.put("title", "故障测试的故事");
		body.put("summary", "志愿者们在社区服务。");
		body.put("body", "第一段。\n第二段。");
		return body;
	}

	/** A story's text as changed. */
	static Map<String, Object> storyChangeBody() {
		Map<String, Object> body = storyBody(UUID.randomUUID());
		body.remove("organizationId");
		body.put("title", "故障测试的故事（修改）");
		return body;
	}

	/**
	 * A story of organization A with one image, as far as the status (DRAFT, SUBMITTED or
	 * PUBLISHED; an operator of R1 publishes it).
	 */
	Storied story(String status) {
		Api admin = as(this.team.admin());
		UUID id = id(expect(201, admin.post("/api/v1/stories", storyBody(this.team.id()))));
		Response withImage = expect(201,
				admin.postMultipart("/api/v1/stories/" + id + "/images", "file", "seal.png", seal(), Map.of()));
		UUID image = UUID.fromString(withImage.json().get("images").get(0).get("id").asString());
		if (!"DRAFT".equals(status)) {
			expect(200, admin.post("/api/v1/stories/" + id + "/submission", Map.of()));
		}
		if ("PUBLISHED".equals(status)) {
			expect(200, as(staff(Grant.operatorOf(REGION))).post("/api/v1/stories/" + id + "/review",
					Map.of("decision", "PUBLISH")));
		}
		return new Storied(id, image);
	}

	record Storied(UUID id, UUID imageId) {

	}

}
