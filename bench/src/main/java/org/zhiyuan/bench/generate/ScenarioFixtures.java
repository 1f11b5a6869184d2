package org.zhiyuan.bench.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.zhiyuan.bench.Console;
import org.zhiyuan.bench.Options;

/**
 * Adds what the scenarios need to a generated data set and writes where it is to a JSON
 * file for the load driver: an organization run by volunteer 0; S1's 1,000 positions;
 * S2's one position; S3's activities in progress with every volunteer of its pool already
 * accepted; the positions and volunteer pools of the pgbench scripts (schema
 * {@code bench}; on H2 for the same transactions run in-process, {@code h2-ceiling});
 * which volunteers sign up, check in or ask for certificates; S4's operators of the
 * nation, of the province with the most volunteers and of that province's district with
 * the most, who read the statistics; and S6's pairs of confirmed relatives, each with an
 * opening balance in the time bank; and, when asked for ({@code --emergency-called}),
 * S7's emergency team of 朝阳区 with its volunteers and the district's operator. Rows go
 * through ordinary transactions with every constraint checked.
 * <p>
 * Volunteer pools are ranges of generated volunteer numbers, so the driver finds their
 * usernames with {@link Identities#phone(int)}: 0 is the organizer, then warm-up, S1, S2,
 * S3 and S6 follow each other; S7's two pools are the last generated volunteers.
 */
public final class ScenarioFixtures {

	/** Where S3 takes place: 国家体育场 (Beijing). */
	static final double[] VENUE = { 39.9929, 116.3965 };

	private final Options options;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final SplittableRandom random;

	public ScenarioFixtures(Options options) {
		this.options = options;
		this.random = new SplittableRandom(options.number("seed", 2026) + 17);
	}

	public void run() throws Exception {
		Database database = Database.from(this.options);
		int clients = this.options.integer("clients", 64);
		int signups = this.options.integer("signups", 20_000);
		int spreadPositions = this.options.integer("positions", 1_000);
		int hotCapacity = this.options.integer("hot-capacity", 1_000);
		int checkins = this.options.integer("checkins", 20_000);
		int perCheckinActivity = this.options.integer("checkins-per-activity", 1_000);
		int warmup = this.options.integer("warmup", 2_000);
		int certificates = this.options.integer("certificates", 200);
		int giftPairs = this.options.integer("gift-pairs", 10_000);
		int emergencyCalled = this.options.integer("emergency-called", 0);
		int emergencyAnswers = this.options.integer("emergency-answers", 2_000);
		BigDecimal openingHours = new BigDecimal(this.options.string("opening-hours", "100.00"));
		int pgbenchPool = clients * ((signups + clients - 1) / clients);
		Map<String, Integer> sizes = Map.of("warmup", warmup, "s1", signups, "s2", signups, "s3", checkins, "s6",
				2 * giftPairs);
		Map<String, int[]> pools = new LinkedHashMap<>();
		int next = 1;
		for (String pool : List.of("warmup", "s1", "s2", "s3", "s6")) {
			pools.put(pool, new int[] { next, next + sizes.get(pool) });
			next += sizes.get(pool);
		}
		Map<String, Object> fixtures = new LinkedHashMap<>();
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			int volunteers = count(connection, "SELECT COUNT(*) FROM volunteer");
			int needed = Math.max(next, pools.get("s2")[0] + pgbenchPool);
			if (emergencyCalled > 0) {
				// S7's pools are the last generated volunteers, the same ones whatever
				// the
				// other pools' sizes
				int s7 = emergencyCalled + emergencyAnswers;
				pools.put("s7", new int[] { volunteers - s7, volunteers - emergencyAnswers });
				pools.put("s7answer", new int[] { volunteers - emergencyAnswers, volunteers });
				needed += s7;
			}
			if (volunteers < needed) {
				throw new IllegalStateException(
						"the scenarios need " + needed + " generated volunteers, the database has " + volunteers
								+ "; generate more or lower --signups/--checkins/--gift-pairs");
			}
			// The same volunteers take part in every run: earlier runs' activities end,
			// so
			// that their sign-ups no longer count as overlapping service.
			update(connection,
					"UPDATE activity SET status = 'FINISHED' WHERE status IN ('RECRUITING', 'IN_PROGRESS')"
							+ " AND organization_id IN (SELECT id FROM organization WHERE name = ?)",
					ORGANIZATION_NAME);
			Person organizer = people(connection, 0, 1).get(0);
			UUID organization = organization(connection, organizer);
			fixtures.put("organizer", Map.of("index", 0, "organizationId", organization));
			fixtures.put("pools", pools);
			List<Map<String, Object>> s1 = activities(connection, organization, organizer, "s1", spreadPositions / 4, 4,
					spreadPositions, 1_000, 20);
			fixtures.put("s1", Map.of("positions", s1));
			Map<String, Object> s2 = activities(connection, organization, organizer, "s2", 1, 1, 1, hotCapacity, 51)
				.get(0);
			s2.put("capacity", hotCapacity);
			fixtures.put("s2", s2);
			fixtures.put("s3",
					checkinActivities(connection, organization, organizer, pools.get("s3"), perCheckinActivity));
			fixtures.put("s4", searches(connection));
			fixtures.put("operators", operators(connection));
			fixtures.put("s5", certificateVolunteers(connection, volunteers, certificates));
			fixtures.put("s6", giftPairs(connection, pools.get("s6"), openingHours));
			if (emergencyCalled > 0) {
				fixtures.put("s7", emergency(connection, organizer, pools.get("s7"), pools.get("s7answer")));
			}
			// on H2 too: the H2 ceiling (h2-ceiling) runs the same transactions on them
			fixtures.put("pgbench",
					pgbench(connection, organization, organizer, spreadPositions, hotCapacity, pools, pgbenchPool));
			SearchText.reindex(connection);
			connection.commit();
		}
		Path out = Path.of(this.options.string("out"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), fixtures);
		Console.line("scenario fixtures written to " + out);
	}

	private static final String ORGANIZATION_NAME = "朝阳区志愿服务性能测试队";

	/** The organization the scenarios' activities belong to, run by volunteer 0. */
	private UUID organization(Connection connection, Person admin) throws SQLException {
		UUID id = Uuids.v7(this.now.toEpochMilli(), this.random);
		OffsetDateTime at = timestamp(this.now.minus(Duration.ofDays(90)));
		update(connection,
				"INSERT INTO organization (id, name, org_type, region_code, status, applicant_account_id, applied_at,"
						+ " reviewed_at) VALUES (?, ?, 'COMMUNITY_TEAM', '110105', 'ACTIVE', ?, ?, ?)",
				id, ORGANIZATION_NAME, admin.accountId, at, at);
		update(connection, "INSERT INTO organization_field (organization_id, field) VALUES (?, 'MAJOR_EVENTS')", id);
		update(connection,
				"INSERT INTO organization_event (id, organization_id, kind, actor_id, occurred_at)"
						+ " VALUES (?, ?, 'APPLIED', ?, ?)",
				Uuids.v7(this.now.toEpochMilli(), this.random), id, admin.accountId, at);
		update(connection, "INSERT INTO organization_event (id, organization_id, kind, occurred_at)"
				+ " VALUES (?, ?, 'APPROVED', ?)", Uuids.v7(this.now.toEpochMilli(), this.random), id, at);
		update(connection, "INSERT INTO account_grant (account_id, role, scope, granted_at, granted_by)"
				+ " VALUES (?, 'ORG_ADMIN', ?, ?, ?)", admin.accountId, id.toString(), at, admin.accountId);
		update(connection,
				"INSERT INTO organization_member (organization_id, volunteer_id, member_role, status, requested_at,"
						+ " joined_at) VALUES (?, ?, 'ADMIN', 'ACTIVE', ?, ?)",
				id, admin.volunteerId, at, at);
		return id;
	}

	/**
	 * Recruiting activities in Beijing's districts with their positions, starting some
	 * weeks from now on different days.
	 */
	private List<Map<String, Object>> activities(Connection connection, UUID organization, Person admin, String tag,
			int activityCount, int positionsEach, int positionLimit, int capacity, int daysAhead) throws SQLException {
		List<Map<String, Object>> positions = new ArrayList<>();
		String[] districts = { "110101", "110102", "110105", "110106", "110107", "110108", "110109", "110111", "110112",
				"110113", "110114", "110115" };
		try (PreparedStatement activity = connection.prepareStatement(ACTIVITY);
				PreparedStatement position = connection.prepareStatement(POSITION)) {
			for (int a = 0; a < activityCount; a++) {
				ZonedDateTime start = this.now.atZone(DataGenerator.CHINA)
					.truncatedTo(ChronoUnit.DAYS)
					.plusDays(daysAhead + a % 30)
					.withHour(9);
				UUID id = Uuids.v7(this.now.toEpochMilli(), this.random);
				double[] place = RegionDirectory.capitalOf("11");
				insertActivity(activity, id, organization, admin, "性能测试" + tag.toUpperCase() + "赛会志愿服务 " + (a + 1),
						districts[a % districts.length], place[0] + this.random.nextDouble(-0.1, 0.1),
						place[1] + this.random.nextDouble(-0.1, 0.1), 200, start.toInstant(),
						start.toInstant().plus(Duration.ofHours(4)), "RECRUITING", false);
				for (int p = 0; p < positionsEach && positions.size() < positionLimit; p++) {
					UUID positionId = Uuids.v7(this.now.toEpochMilli(), this.random);
					insertPosition(position, positionId, id, "岗位" + (p + 1), capacity, 0, p);
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("activityId", id);
					entry.put("positionId", positionId);
					positions.add(entry);
				}
			}
			activity.executeBatch();
			position.executeBatch();
		}
		return positions;
	}

	/**
	 * S3: activities under way at one venue, one position each, with every volunteer of
	 * the pool accepted the day before (sign-up and its event row).
	 */
	private Map<String, Object> checkinActivities(Connection connection, UUID organization, Person admin, int[] pool,
			int perActivity) throws SQLException {
		List<Person> people = people(connection, pool[0], pool[1]);
		List<Map<String, Object>> activities = new ArrayList<>();
		Instant starts = this.now.minus(Duration.ofHours(1));
		Instant ends = this.now.plus(Duration.ofHours(11));
		OffsetDateTime accepted = timestamp(this.now.minus(Duration.ofDays(1)));
		try (PreparedStatement activity = connection.prepareStatement(ACTIVITY);
				PreparedStatement position = connection.prepareStatement(POSITION);
				PreparedStatement signup = connection.prepareStatement(
						"INSERT INTO signup (id, activity_id, position_id, volunteer_id, status, holds_place, queued_at,"
								+ " decided_at, created_at, slot_id) VALUES (?, ?, ?, ?, 'APPROVED', TRUE, ?, ?, ?, ?)");
				PreparedStatement event = connection
					.prepareStatement("INSERT INTO signup_event (id, activity_id, signup_id, status, actor_id,"
							+ " occurred_at) VALUES (?, ?, ?, 'APPROVED', ?, ?)");
				PreparedStatement booking = connection.prepareStatement(
						"INSERT INTO volunteer_booking (volunteer_id, signup_id, activity_id) VALUES (?, ?, ?)")) {
			for (int first = 0; first < people.size(); first += perActivity) {
				int size = Math.min(perActivity, people.size() - first);
				UUID id = Uuids.v7(this.now.toEpochMilli(), this.random);
				UUID positionId = Uuids.v7(this.now.toEpochMilli(), this.random);
				insertActivity(activity, id, organization, admin, "性能测试S3城市马拉松赛会服务 " + (activities.size() + 1),
						"110105", VENUE[0], VENUE[1], 500, starts, ends, "IN_PROGRESS",
						this.options.flag("s3-time-bank", false));
				insertPosition(position, positionId, id, "赛道服务", size, size, 0);
				activity.executeBatch();
				position.executeBatch();
				for (Person person : people.subList(first, first + size)) {
					UUID signupId = Uuids.v7(this.now.toEpochMilli(), this.random);
					// an activity without shifts: its one slot is the activity itself
					set(signup, signupId, id, positionId, person.volunteerId, accepted, accepted, accepted, id);
					signup.addBatch();
					set(event, Uuids.v7(this.now.toEpochMilli(), this.random), id, signupId, person.accountId,
							accepted);
					event.addBatch();
					set(booking, person.volunteerId, signupId, id);
					booking.addBatch();
				}
				signup.executeBatch();
				event.executeBatch();
				booking.executeBatch();
				activities.add(Map.of("id", id, "volunteers", size));
			}
		}
		Map<String, Object> s3 = new LinkedHashMap<>();
		s3.put("activities", activities);
		s3.put("lat", VENUE[0]);
		s3.put("lng", VENUE[1]);
		s3.put("perActivity", perActivity);
		return s3;
	}

	/** What S4 searches for: regions with recruiting activities, topic words, places. */
	private Map<String, Object> searches(Connection connection) throws SQLException {
		List<String> regions = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT region_code FROM activity WHERE status = 'RECRUITING'"
						+ " GROUP BY region_code ORDER BY COUNT(*) DESC, region_code LIMIT 300")) {
			while (rs.next()) {
				regions.add(rs.getString(1));
			}
		}
		List<String> districts = regions.stream().map((code) -> code.substring(0, 6)).distinct().toList();
		List<String> cities = districts.stream().map((code) -> code.substring(0, 4) + "00").distinct().toList();
		List<String> provinces = districts.stream().map((code) -> code.substring(0, 2) + "0000").distinct().toList();
		List<double[]> points = new ArrayList<>();
		for (String province : provinces) {
			double[] capital = RegionDirectory.capitalOf(province.substring(0, 2));
			if (capital != null) {
				points.add(capital);
			}
		}
		Map<String, Object> s4 = new LinkedHashMap<>();
		s4.put("districts", districts);
		s4.put("cities", cities);
		s4.put("provinces", provinces);
		s4.put("keywords", Names.allTopics());
		s4.put("points", points);
		s4.put("fields", DataGenerator.FIELDS);
		return s4;
	}

	/**
	 * S4's statistics readers: an operator account (no volunteer, one {@code OPERATOR}
	 * grant scoped to the region, as the platform stores its operators) for the nation,
	 * for the province with the most volunteers and for that province's district with the
	 * most. They sign in with the volunteers' password (the hash of volunteer 0's account
	 * is reused); accounts of an earlier run are kept.
	 */
	private Map<String, Object> operators(Connection connection) throws SQLException {
		String province;
		String district;
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT SUBSTRING(region_code, 1, 2), COUNT(*) FROM volunteer"
					+ " GROUP BY SUBSTRING(region_code, 1, 2) ORDER BY COUNT(*) DESC, 1 LIMIT 1")) {
				rs.next();
				province = rs.getString(1) + "0000";
			}
		}
		try (PreparedStatement query = connection.prepareStatement("SELECT SUBSTRING(region_code, 1, 6), COUNT(*)"
				+ " FROM volunteer WHERE region_code LIKE ? GROUP BY SUBSTRING(region_code, 1, 6)"
				+ " ORDER BY COUNT(*) DESC, 1 LIMIT 1")) {
			query.setString(1, province.substring(0, 2) + "%");
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				district = rs.getString(1);
			}
		}
		Map<String, Object> operators = new LinkedHashMap<>();
		Map<String, String> levels = new LinkedHashMap<>();
		levels.put("national", "000000");
		levels.put("province", province);
		levels.put("district", district);
		for (Map.Entry<String, String> level : levels.entrySet()) {
			String username = "bench-operator-" + level.getValue();
			operatorAccount(connection, level.getValue());
			operators.put(level.getKey(), Map.of("username", username, "regionCode", level.getValue()));
		}
		Console.line("S4 operators: nation 000000, province " + province + ", district " + district);
		return operators;
	}

	/**
	 * The operator account of a region ({@code bench-operator-<region>}: no volunteer,
	 * one {@code OPERATOR} grant scoped to the region, as the platform stores its
	 * operators), made unless an earlier run made it. It signs in with the volunteers'
	 * password (the hash of volunteer 0's account is reused).
	 * @return the account's id
	 */
	private UUID operatorAccount(Connection connection, String region) throws SQLException {
		String username = "bench-operator-" + region;
		try (PreparedStatement query = connection.prepareStatement("SELECT id FROM account WHERE username = ?")) {
			query.setString(1, username);
			try (ResultSet rs = query.executeQuery()) {
				if (rs.next()) {
					return rs.getObject(1, UUID.class);
				}
			}
		}
		String passwordHash;
		try (PreparedStatement query = connection
			.prepareStatement("SELECT password_hash FROM account WHERE username = ?")) {
			query.setString(1, Identities.phone(0));
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				passwordHash = rs.getString(1);
			}
		}
		OffsetDateTime at = timestamp(this.now);
		UUID id = Uuids.v7(this.now.toEpochMilli(), this.random);
		update(connection,
				"INSERT INTO account (id, username, password_hash, display_name, status, failed_attempts,"
						+ " credentials_version, created_at, password_changed_at) VALUES (?, ?, ?, ?, 'ACTIVE',"
						+ " 0, 0, ?, ?)",
				id, username, passwordHash, "性能测试运营 " + region, at, at);
		update(connection, "INSERT INTO account_grant (account_id, role, scope, granted_at, granted_by)"
				+ " VALUES (?, 'OPERATOR', ?, ?, NULL)", id, region, at);
		return id;
	}

	/** S7: the district whose operator launches the mobilizations (Beijing, 朝阳区). */
	static final String EMERGENCY_REGION = "110105";

	/** S7's measured launch: a scene near 朝阳公园. */
	static final double[] EMERGENCY_SCENE = { 39.9400, 116.4800 };

	/**
	 * S7's answer storm: a scene near the capital airport (also 朝阳区), some 18 km from the
	 * other, so that neither mobilization reaches the other's volunteers.
	 */
	static final double[] EMERGENCY_STORM_SCENE = { 40.0800, 116.5900 };

	/** Homes of the called within this of the launch's scene, and the launch's radius. */
	static final double EMERGENCY_HOMES_KM = 8;

	static final int EMERGENCY_RADIUS_KM = 10;

	/** Homes of the answering within this of the storm's scene, and its radius. */
	static final double EMERGENCY_STORM_HOMES_KM = 3;

	static final int EMERGENCY_STORM_RADIUS_KM = 5;

	/** The needs' skill: no generated volunteer holds it. */
	static final String EMERGENCY_SKILL = "抢险救援";

	private static final String EMERGENCY_TEAM_NAME = "朝阳区应急志愿服务性能测试支队";

	/**
	 * S7: an emergency team (an organization of 朝阳区, marked as a district team), the
	 * district's operator, and the two pools of volunteers: {@code called} (homes within
	 * {@value #EMERGENCY_HOMES_KM} km of the launch's scene) and {@code answering}
	 * (within {@value #EMERGENCY_STORM_HOMES_KM} km of the storm's scene). Every
	 * volunteer of both is moved to the district (the generated home region is anywhere
	 * in the country), given an emergency profile and made an active member of the team;
	 * every second one also holds the needs' skill. So exactly the pools are eligible:
	 * what an earlier run made (profiles, members, the skill) is removed first, and its
	 * mobilizations still open are stood down, so that nobody stays accepted elsewhere.
	 */
	private Map<String, Object> emergency(Connection connection, Person organizer, int[] calledPool, int[] answerPool)
			throws SQLException {
		List<Person> called = people(connection, calledPool[0], calledPool[1]);
		List<Person> answering = people(connection, answerPool[0], answerPool[1]);
		UUID operator = operatorAccount(connection, EMERGENCY_REGION);
		OffsetDateTime at = timestamp(this.now);
		update(connection, "UPDATE emergency_mobilization SET status = 'STOOD_DOWN', stood_down_at = ?"
				+ " WHERE status = 'OPEN' AND launched_by = ?", at, operator);
		UUID team = null;
		try (PreparedStatement query = connection.prepareStatement("SELECT id FROM organization WHERE name = ?")) {
			query.setString(1, EMERGENCY_TEAM_NAME);
			try (ResultSet rs = query.executeQuery()) {
				if (rs.next()) {
					team = rs.getObject(1, UUID.class);
				}
			}
		}
		if (team == null) {
			team = Uuids.v7(this.now.toEpochMilli(), this.random);
			OffsetDateTime since = timestamp(this.now.minus(Duration.ofDays(365)));
			update(connection,
					"INSERT INTO organization (id, name, org_type, region_code, status, applicant_account_id,"
							+ " applied_at, reviewed_at) VALUES (?, ?, 'COMMUNITY_TEAM', ?, 'ACTIVE', ?, ?, ?)",
					team, EMERGENCY_TEAM_NAME, EMERGENCY_REGION, organizer.accountId, since, since);
			update(connection, "INSERT INTO organization_field (organization_id, field) VALUES (?, 'DISASTER_RELIEF')",
					team);
			update(connection,
					"INSERT INTO organization_event (id, organization_id, kind, actor_id, occurred_at)"
							+ " VALUES (?, ?, 'APPLIED', ?, ?)",
					Uuids.v7(this.now.toEpochMilli(), this.random), team, organizer.accountId, since);
			update(connection,
					"INSERT INTO organization_event (id, organization_id, kind, occurred_at)"
							+ " VALUES (?, ?, 'APPROVED', ?)",
					Uuids.v7(this.now.toEpochMilli(), this.random), team, since);
			update(connection,
					"INSERT INTO account_grant (account_id, role, scope, granted_at, granted_by)"
							+ " VALUES (?, 'ORG_ADMIN', ?, ?, ?)",
					organizer.accountId, team.toString(), since, organizer.accountId);
			update(connection,
					"INSERT INTO organization_member (organization_id, volunteer_id, member_role, status,"
							+ " requested_at, joined_at) VALUES (?, ?, 'ADMIN', 'ACTIVE', ?, ?)",
					team, organizer.volunteerId, since, since);
			update(connection, "INSERT INTO emergency_team (organization_id, tier, region_code, marked_by, marked_at)"
					+ " VALUES (?, 'DISTRICT', ?, ?, ?)", team, EMERGENCY_REGION, operator, since);
		}
		// an earlier run's pools, whichever volunteers they were, are eligible no more
		String members = "SELECT volunteer_id FROM organization_member WHERE organization_id = ?"
				+ " AND member_role = 'MEMBER'";
		update(connection, "DELETE FROM emergency_qualification WHERE volunteer_id IN (" + members + ")", team);
		update(connection, "DELETE FROM emergency_profile WHERE volunteer_id IN (" + members + ")", team);
		update(connection, "DELETE FROM organization_member WHERE organization_id = ? AND member_role = 'MEMBER'",
				team);
		update(connection, "DELETE FROM volunteer_attribute WHERE kind = 'SKILL' AND attribute = ?", EMERGENCY_SKILL);
		OffsetDateTime joined = timestamp(this.now.minus(Duration.ofDays(60)));
		try (PreparedStatement region = connection
			.prepareStatement("UPDATE volunteer SET region_code = ? WHERE id = ?");
				PreparedStatement profile = connection.prepareStatement(
						"INSERT INTO emergency_profile (volunteer_id, home_lat, home_lng, readiness, updated_at)"
								+ " VALUES (?, ?, ?, 'NORMAL', ?)");
				PreparedStatement member = connection.prepareStatement(
						"INSERT INTO organization_member (organization_id, volunteer_id, member_role, status,"
								+ " requested_at, joined_at) VALUES (?, ?, 'MEMBER', 'ACTIVE', ?, ?)");
				PreparedStatement skill = connection.prepareStatement(
						"INSERT INTO volunteer_attribute (volunteer_id, kind, attribute) VALUES (?, 'SKILL', ?)")) {
			int n = 0;
			for (Person person : concat(called, answering)) {
				boolean storm = n >= called.size();
				double[] home = around(storm ? EMERGENCY_STORM_SCENE : EMERGENCY_SCENE,
						storm ? EMERGENCY_STORM_HOMES_KM : EMERGENCY_HOMES_KM);
				set(region, EMERGENCY_REGION, person.volunteerId);
				region.addBatch();
				set(profile, person.volunteerId, home[0], home[1], joined);
				profile.addBatch();
				set(member, team, person.volunteerId, joined, joined);
				member.addBatch();
				if (n % 2 == 0) {
					set(skill, person.volunteerId, EMERGENCY_SKILL);
					skill.addBatch();
				}
				if (++n % 2_000 == 0) {
					region.executeBatch();
					profile.executeBatch();
					member.executeBatch();
					skill.executeBatch();
				}
			}
			region.executeBatch();
			profile.executeBatch();
			member.executeBatch();
			skill.executeBatch();
		}
		Console.line("S7 emergency: team " + EMERGENCY_TEAM_NAME + " of " + EMERGENCY_REGION + ", " + called.size()
				+ " volunteers within " + EMERGENCY_HOMES_KM + " km of the launch's scene, " + answering.size()
				+ " within " + EMERGENCY_STORM_HOMES_KM + " km of the storm's");
		Map<String, Object> s7 = new LinkedHashMap<>();
		s7.put("regionCode", EMERGENCY_REGION);
		s7.put("operator", "bench-operator-" + EMERGENCY_REGION);
		s7.put("teamId", team);
		s7.put("skill", EMERGENCY_SKILL);
		s7.put("scene", Map.of("lat", EMERGENCY_SCENE[0], "lng", EMERGENCY_SCENE[1]));
		s7.put("radiusKm", EMERGENCY_RADIUS_KM);
		s7.put("called", called.size());
		s7.put("stormScene", Map.of("lat", EMERGENCY_STORM_SCENE[0], "lng", EMERGENCY_STORM_SCENE[1]));
		s7.put("stormRadiusKm", EMERGENCY_STORM_RADIUS_KM);
		s7.put("answering", answering.size());
		return s7;
	}

	/**
	 * A point drawn evenly from the disc of {@code km} around {@code centre}, kept to
	 * about 100 m as the platform keeps homes.
	 */
	private double[] around(double[] centre, double km) {
		double distance = km * Math.sqrt(this.random.nextDouble());
		double bearing = this.random.nextDouble(2 * Math.PI);
		double lat = centre[0] + distance * Math.cos(bearing) / 111.195;
		double lng = centre[1] + distance * Math.sin(bearing) / (111.195 * Math.cos(Math.toRadians(centre[0])));
		return new double[] { Math.round(lat * 1e3) / 1e3, Math.round(lng * 1e3) / 1e3 };
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		List<T> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/** S5: volunteers near the end of the generated range who have service records. */
	private Map<String, Object> certificateVolunteers(Connection connection, int volunteers, int wanted)
			throws SQLException {
		List<Map<String, Object>> chosen = new ArrayList<>();
		int from = volunteers;
		while (chosen.size() < wanted && from > 0) {
			int to = from;
			from = Math.max(0, from - 1_000);
			for (Person person : people(connection, from, to)) {
				if (person.hours > 0 && chosen.size() < wanted) {
					chosen.add(Map.of("index", person.index, "volunteerId", person.volunteerId));
				}
			}
		}
		LocalDate today = this.now.atZone(DataGenerator.CHINA).toLocalDate();
		Map<String, Object> s5 = new LinkedHashMap<>();
		s5.put("volunteers", chosen);
		s5.put("from", today.minusYears(4).toString());
		s5.put("to", today.toString());
		return s5;
	}

	/**
	 * S6: the pool's volunteers in pairs (volunteers {@code 2p} and {@code 2p + 1} of the
	 * pool), each pair confirmed relatives (one row, as a declaration the relative
	 * confirmed), and every volunteer a time account holding {@code hours}. The opening
	 * balance is written as the platform's ledger writes a deposit, so that the audit
	 * stays sound: a {@code DEPOSIT} movement of two entries, out of the issuance account
	 * of the volunteer's region (opened once per region, its balance the sum of its
	 * entries) and into the volunteer's account. Volunteers who have an account from an
	 * earlier run keep it and its balance (the gifts of that run moved hours within
	 * pairs), pairs already related are not declared again.
	 */
	private Map<String, Object> giftPairs(Connection connection, int[] pool, BigDecimal hours) throws SQLException {
		List<Person> people = people(connection, pool[0], pool[1]);
		OffsetDateTime opened = timestamp(this.now.minus(Duration.ofDays(1)));
		Map<String, UUID> issuance = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT owner_key, id FROM time_account WHERE kind = 'ISSUANCE'")) {
			while (rs.next()) {
				issuance.put(rs.getString(1), rs.getObject(2, UUID.class));
			}
		}
		Set<String> withAccount = existing(connection, "SELECT volunteer_id FROM time_account WHERE volunteer_id IN",
				people);
		Set<String> declared = existing(connection,
				"SELECT CAST(volunteer_id AS VARCHAR(36)) || ':' || CAST(relative_id AS VARCHAR(36))"
						+ " FROM time_relative WHERE status = 'CONFIRMED' AND volunteer_id IN",
				people);
		int deposits = 0;
		int relatives = 0;
		try (PreparedStatement account = connection.prepareStatement(
				"INSERT INTO time_account (id, owner_key, kind, volunteer_id, region_code, balance, owed, created_at)"
						+ " VALUES (?, ?, ?, ?, ?, ?, 0, ?)");
				PreparedStatement transfer = connection
					.prepareStatement("INSERT INTO time_transfer (id, home_id, kind, to_volunteer, hours, created_at)"
							+ " VALUES (?, ?, 'DEPOSIT', ?, ?, ?)");
				PreparedStatement entry = connection
					.prepareStatement("INSERT INTO time_entry (id, home_id, transfer_id, account_id, kind, hours,"
							+ " balance_after, counterparty_id, leg, created_at) VALUES (?, ?, ?, ?, 'DEPOSIT', ?, ?, ?, ?, ?)");
				PreparedStatement relative = connection.prepareStatement(
						"INSERT INTO time_relative (id, volunteer_id, relative_id, relation, status, declared_at,"
								+ " decided_at) VALUES (?, ?, ?, 'SPOUSE', 'CONFIRMED', ?, ?)")) {
			// the issuance accounts first: the volunteers' entries point at them
			for (Person person : people) {
				String owner = "ISSUANCE:" + person.regionCode;
				if (!withAccount.contains(person.volunteerId.toString()) && !issuance.containsKey(owner)) {
					// as the platform opens one: its id made of its owner key
					UUID id = UUID.nameUUIDFromBytes(("time_account:" + owner).getBytes(StandardCharsets.UTF_8));
					set(account, id, owner, "ISSUANCE", null, person.regionCode, BigDecimal.ZERO, opened);
					account.addBatch();
					issuance.put(owner, id);
				}
			}
			account.executeBatch();
			for (Person person : people) {
				if (withAccount.contains(person.volunteerId.toString())) {
					continue;
				}
				// a volunteer's account has the volunteer's id, and lives beside them
				UUID id = person.volunteerId;
				UUID source = issuance.get("ISSUANCE:" + person.regionCode);
				set(account, id, "V:" + person.volunteerId, "VOLUNTEER", person.volunteerId, person.regionCode, hours,
						opened);
				account.addBatch();
				UUID movement = Uuids.v7(this.now.toEpochMilli(), this.random);
				set(transfer, movement, person.volunteerId, person.volunteerId, hours, opened);
				transfer.addBatch();
				// as TimeLedger posts a leg: out of the issuance (leg 0, no kept
				// balance),
				// into the volunteer's account (leg 1, its balance after)
				set(entry, Uuids.v7(this.now.toEpochMilli(), this.random), id, movement, source, hours.negate(), null,
						id, 0, opened);
				entry.addBatch();
				set(entry, Uuids.v7(this.now.toEpochMilli(), this.random), id, movement, id, hours, hours, source, 1,
						opened);
				entry.addBatch();
				deposits++;
			}
			account.executeBatch();
			transfer.executeBatch();
			entry.executeBatch();
			OffsetDateTime declaredAt = timestamp(this.now.minus(Duration.ofDays(2)));
			for (int p = 0; p + 1 < people.size(); p += 2) {
				if (!declared.contains(people.get(p).volunteerId + ":" + people.get(p + 1).volunteerId)) {
					set(relative, Uuids.v7(this.now.toEpochMilli(), this.random), people.get(p).volunteerId,
							people.get(p + 1).volunteerId, declaredAt, opened);
					relative.addBatch();
					relatives++;
				}
			}
			relative.executeBatch();
		}
		Console.line("S6 gifts: " + people.size() / 2 + " pairs of relatives (" + relatives + " new), " + deposits
				+ " opening deposits of " + hours.toPlainString() + " h");
		List<UUID> ids = new ArrayList<>();
		for (Person person : people) {
			ids.add(person.volunteerId);
		}
		Map<String, Object> s6 = new LinkedHashMap<>();
		s6.put("pairs", people.size() / 2);
		s6.put("openingHours", hours.toPlainString());
		s6.put("volunteerIds", ids);
		return s6;
	}

	/**
	 * What a query of one column, ending in {@code volunteer_id IN}, finds for the
	 * volunteers, as text.
	 */
	private static Set<String> existing(Connection connection, String sqlBeforeList, List<Person> people)
			throws SQLException {
		Set<String> found = new HashSet<>();
		for (int start = 0; start < people.size(); start += 1_000) {
			List<Person> batch = people.subList(start, Math.min(people.size(), start + 1_000));
			String sql = sqlBeforeList + " (" + String.join(",", java.util.Collections.nCopies(batch.size(), "?"))
					+ ")";
			try (PreparedStatement query = connection.prepareStatement(sql)) {
				for (int i = 0; i < batch.size(); i++) {
					query.setObject(i + 1, batch.get(i).volunteerId);
				}
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						found.add(rs.getString(1));
					}
				}
			}
		}
		return found;
	}

	/**
	 * The positions and volunteers the pgbench scripts use (and on H2 the H2 ceiling),
	 * numbered so that a script picks them by number: spread positions 1..n, the hot
	 * position 1, and volunteer pools as large as the clients times the transactions each
	 * runs. The same SQL on both databases (H2 in its PostgreSQL mode); on H2 the table
	 * statements commit the fixtures written so far, as H2 commits before DDL.
	 */
	private Map<String, Object> pgbench(Connection connection, UUID organization, Person admin, int spreadPositions,
			int hotCapacity, Map<String, int[]> pools, int poolSize) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
			statement.execute("DROP TABLE IF EXISTS bench.pgbench_position, bench.pgbench_volunteer");
			statement.execute("CREATE TABLE bench.pgbench_position (kind VARCHAR(8) NOT NULL, n INT NOT NULL,"
					+ " position_id UUID NOT NULL, activity_id UUID NOT NULL, PRIMARY KEY (kind, n))");
			statement.execute("CREATE TABLE bench.pgbench_volunteer (kind VARCHAR(8) NOT NULL, n INT NOT NULL,"
					+ " volunteer_id UUID NOT NULL, PRIMARY KEY (kind, n))");
		}
		List<Map<String, Object>> spread = activities(connection, organization, admin, "pgbench-spread",
				spreadPositions / 4, 4, spreadPositions, 1_000, 20);
		Map<String, Object> hot = activities(connection, organization, admin, "pgbench-hot", 1, 1, 1, hotCapacity, 52)
			.get(0);
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO bench.pgbench_position (kind, n, position_id, activity_id) VALUES (?, ?, ?, ?)")) {
			for (int n = 0; n < spread.size(); n++) {
				set(insert, "spread", n + 1, spread.get(n).get("positionId"), spread.get(n).get("activityId"));
				insert.addBatch();
			}
			set(insert, "hot", 1, hot.get("positionId"), hot.get("activityId"));
			insert.addBatch();
			insert.executeBatch();
		}
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO bench.pgbench_volunteer (kind, n, volunteer_id) VALUES (?, ?, ?)")) {
			for (String[] kind : new String[][] { { "spread", "s1" }, { "hot", "s2" } }) {
				int first = pools.get(kind[1])[0];
				List<Person> people = people(connection, first, first + poolSize);
				for (int n = 0; n < people.size(); n++) {
					set(insert, kind[0], n + 1, people.get(n).volunteerId);
					insert.addBatch();
				}
			}
			insert.executeBatch();
		}
		Map<String, Object> pgbench = new LinkedHashMap<>();
		pgbench.put("spreadPositions", spread.size());
		pgbench.put("hotActivityId", hot.get("activityId"));
		pgbench.put("hotPositionId", hot.get("positionId"));
		pgbench.put("hotCapacity", hotCapacity);
		pgbench.put("pool", poolSize);
		return pgbench;
	}

	/** Generated volunteers {@code from} (inclusive) to {@code to}, in that order. */
	private List<Person> people(Connection connection, int from, int to) throws SQLException {
		Map<String, Integer> indexByPhone = new HashMap<>();
		for (int i = from; i < to; i++) {
			indexByPhone.put(Identities.phone(i), i);
		}
		Person[] people = new Person[to - from];
		List<String> phones = new ArrayList<>(indexByPhone.keySet());
		for (int start = 0; start < phones.size(); start += 1_000) {
			List<String> batch = phones.subList(start, Math.min(phones.size(), start + 1_000));
			String sql = "SELECT phone, id, account_id, total_hours, region_code FROM volunteer"
					+ " JOIN volunteer_standing ON volunteer_id = id WHERE phone IN ("
					+ String.join(",", java.util.Collections.nCopies(batch.size(), "?")) + ")";
			try (PreparedStatement query = connection.prepareStatement(sql)) {
				for (int i = 0; i < batch.size(); i++) {
					query.setString(i + 1, batch.get(i));
				}
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						int index = indexByPhone.get(rs.getString(1));
						people[index - from] = new Person(index, rs.getObject(2, UUID.class),
								rs.getObject(3, UUID.class), rs.getBigDecimal(4).doubleValue(), rs.getString(5));
					}
				}
			}
		}
		for (int i = 0; i < people.length; i++) {
			if (people[i] == null) {
				throw new IllegalStateException("generated volunteer " + (from + i) + " (" + Identities.phone(from + i)
						+ ") is not in the database");
			}
		}
		return List.of(people);
	}

	private static final String ACTIVITY = "INSERT INTO activity (id, organization_id, title, description, field,"
			+ " region_code, address, lat, lng, geofence_meters, starts_at, ends_at, signup_deadline, approval, waitlist,"
			+ " risk_level, recruitment_mode, time_bank_eligible, status, created_by, created_at, published_at)"
			+ " VALUES (?, ?, ?, ?, 'MAJOR_EVENTS', ?, ?, ?, ?, ?, ?, ?, ?, 'AUTO', TRUE, 'LOW', 'REGULAR', ?, ?,"
			+ " ?, ?, ?)";

	private static final String POSITION = "INSERT INTO activity_position (id, activity_id, name, capacity, accepted,"
			+ " min_age, sort_order) VALUES (?, ?, ?, ?, ?, 14, ?)";

	private void insertActivity(PreparedStatement insert, UUID id, UUID organization, Person admin, String title,
			String region, double lat, double lng, int geofence, Instant starts, Instant ends, String status,
			boolean timeBank) throws SQLException {
		OffsetDateTime created = timestamp(this.now.minus(Duration.ofDays(2)));
		Instant deadline = starts.isAfter(this.now) ? starts.minus(Duration.ofHours(12)) : starts;
		set(insert, id, organization, title, "基准测试用的活动：大型赛会志愿服务，请按岗位要求报到。", region, "北京市朝阳区国家体育场北路1号",
				Math.round(lat * 1e6) / 1e6, Math.round(lng * 1e6) / 1e6, geofence, timestamp(starts), timestamp(ends),
				timestamp(deadline), timeBank, status, admin.accountId, created, created);
		insert.addBatch();
	}

	private static void insertPosition(PreparedStatement insert, UUID id, UUID activity, String name, int capacity,
			int accepted, int order) throws SQLException {
		set(insert, id, activity, name, capacity, accepted, order);
		insert.addBatch();
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static void update(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			set(statement, values);
			statement.executeUpdate();
		}
	}

	private static void set(PreparedStatement statement, Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			statement.setObject(i + 1, values[i]);
		}
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private record Person(int index, UUID volunteerId, UUID accountId, double hours, String regionCode) {

	}

}
