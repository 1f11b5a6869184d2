package org.zhiyuan.bench.generate;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

import org.zhiyuan.bench.Console;
import org.zhiyuan.bench.Options;

/**
 * Writes a realistic data set straight into the platform's schema (which the platform's
 * migrations must have created): volunteers with their accounts, sealed ID numbers,
 * memberships and hash-chained service records; organizations with their admins; and
 * activities with positions, most of them finished and some recruiting.
 * <p>
 * Everything is derived from a seed, so the same options give the same people. Every
 * generated volunteer {@code i} signs in with the username {@link Identities#phone(int)}
 * and the one password given; the bcrypt hash of it is computed once and shared.
 */
public final class DataGenerator {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final String POLICY_VERSION = "2026-01";

	static final String[] FIELDS = { "THEORY_OUTREACH", "RURAL_REVITALIZATION", "ELDERLY_CARE", "DISABILITY_SUPPORT",
			"DISASTER_RELIEF", "HEALTH", "EDUCATION", "CULTURE", "PUBLIC_SAFETY", "SCIENCE_POPULARIZATION",
			"ENVIRONMENT", "SPORTS", "CHILD_CARE", "COMMUNITY_SERVICE", "MAJOR_EVENTS", "LEGAL_AID",
			"CIVILITY_PRACTICE" };

	private static final String[] ORG_TYPES = { "COMMUNITY_TEAM", "SOCIAL_ORGANIZATION", "SCHOOL_TEAM",
			"PRACTICE_STATION", "PUBLIC_INSTITUTION", "ENTERPRISE", "GOVERNMENT_AGENCY", "OTHER_TEAM" };

	private static final int[] ORG_TYPE_WEIGHTS = { 45, 15, 12, 12, 6, 5, 2, 3 };

	/** Unified social credit code prefixes (registration authority and kind) by type. */
	private static final Map<String, String> CREDIT_PREFIXES = Map.of("SOCIAL_ORGANIZATION", "51", "PUBLIC_INSTITUTION",
			"12", "ENTERPRISE", "91", "GOVERNMENT_AGENCY", "11");

	private static final String[] POSITIONS = { "志愿者", "引导员", "协调员", "宣传员", "后勤保障", "安全员" };

	private static final String[] SKILLS = { "急救", "心理疏导", "外语", "摄影", "驾驶", "法律咨询", "医疗护理", "教学辅导", "文艺表演", "电脑维修" };

	private static final BigDecimal[] STAR_HOURS = { new BigDecimal("100"), new BigDecimal("300"),
			new BigDecimal("600"), new BigDecimal("1000"), new BigDecimal("1500") };

	private static final long DAY = Duration.ofDays(1).toMillis();

	private final Options options;

	private final int volunteers;

	private final long records;

	private final int organizations;

	private final int activities;

	private final long seed;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	public DataGenerator(Options options) {
		this.options = options;
		this.volunteers = options.integer("volunteers", 100_000);
		this.records = options.number("records", 10L * this.volunteers);
		this.organizations = options.integer("organizations", Math.max(50, this.volunteers / 100));
		this.activities = options.integer("activities", Math.max(500, this.volunteers / 10));
		this.seed = options.number("seed", 2026);
	}

	public void run() throws Exception {
		Database database = Database.from(this.options);
		RegionDirectory regions = RegionDirectory.load(Path.of(this.options.string("regions")));
		PersonalDataSealer sealer = new PersonalDataSealer(this.options.string("key-id", "k1"),
				this.options.string("data-key"), this.options.string("index-key"));
		String passwordHash = "{bcrypt}" + new BCryptPasswordEncoder(this.options.integer("bcrypt-cost", 4))
			.encode(this.options.string("volunteer-password"));
		UUID operator = requireEmptySchema(database);
		Console.line("generating " + this.volunteers + " volunteers, " + this.records + " service records, "
				+ this.organizations + " organizations, " + this.activities + " activities into " + database.url());
		long started = System.nanoTime();
		database.referentialIntegrity(false);
		Map<String, Long> rows;
		try {
			rows = new Load(database, regions, sealer, passwordHash, operator).run();
		}
		finally {
			database.referentialIntegrity(true);
		}
		try (Connection connection = database.connect()) {
			SearchText.reindex(connection);
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long total = rows.values().stream().mapToLong(Long::longValue).sum();
		Console.line(String.format("loaded %,d rows in %.1f s: %,.0f rows/s", total, seconds, total / seconds));
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("database", database.isPostgres() ? "postgresql" : "h2");
		summary.put("volunteers", this.volunteers);
		summary.put("records", this.records);
		summary.put("organizations", this.organizations);
		summary.put("activities", this.activities);
		summary.put("rows", rows);
		summary.put("totalRows", total);
		summary.put("seconds", Math.round(seconds * 10) / 10.0);
		summary.put("rowsPerSecond", Math.round(total / seconds));
		if (this.options.flag("check", true)) {
			long checkStarted = System.nanoTime();
			long orphans = checkReferences(database);
			summary.put("orphanRows", orphans);
			summary.put("checkSeconds", Math.round((System.nanoTime() - checkStarted) / 1e8) / 10.0);
			if (orphans > 0) {
				throw new IllegalStateException(orphans + " generated rows reference rows that do not exist");
			}
		}
		if (this.options.has("out")) {
			Path out = Path.of(this.options.string("out"));
			Files.createDirectories(out.toAbsolutePath().getParent());
			JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), summary);
		}
	}

	/**
	 * The bootstrap operator's account id, after checking that no volunteer exists yet.
	 */
	private static UUID requireEmptySchema(Database database) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM volunteer")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new IllegalStateException(
							"the database already holds volunteers; generate into a freshly migrated database");
				}
			}
			try (ResultSet rs = statement.executeQuery("SELECT id FROM account WHERE username = 'admin'")) {
				return rs.next() ? rs.getObject(1, UUID.class) : null;
			}
		}
	}

	/** Counts rows whose foreign keys point nowhere; 0 for a consistent load. */
	private static long checkReferences(Database database) throws SQLException {
		String[][] checks = { { "account_grant", "account", "account_id" }, { "volunteer", "account", "account_id" },
				{ "volunteer_attribute", "volunteer", "volunteer_id" },
				{ "volunteer_standing", "volunteer", "volunteer_id" },
				{ "organization", "account", "applicant_account_id" },
				{ "organization_field", "organization", "organization_id" },
				{ "organization_event", "organization", "organization_id" },
				{ "organization_member", "organization", "organization_id" },
				{ "organization_member", "volunteer", "volunteer_id" },
				{ "activity", "organization", "organization_id" }, { "activity_position", "activity", "activity_id" },
				{ "service_record", "volunteer", "volunteer_id" }, { "service_record", "activity", "activity_id" },
				{ "service_record", "organization", "organization_id" } };
		long orphans = 0;
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String[] check : checks) {
				// a join rather than NOT EXISTS: Citus runs it with a reference table
				// inside
				String sql = "SELECT COUNT(*) FROM " + check[0] + " c LEFT JOIN " + check[1] + " p ON p.id = c."
						+ check[2] + " WHERE p.id IS NULL";
				try (ResultSet rs = statement.executeQuery(sql)) {
					rs.next();
					long count = rs.getLong(1);
					if (count > 0) {
						Console.line("  " + count + " rows of " + check[0] + "." + check[2] + " point nowhere");
					}
					orphans += count;
				}
			}
			if (!database.isPostgres()) {
				statement.execute("ANALYZE");
			}
		}
		Console.line("reference check: " + orphans + " orphan rows");
		return orphans;
	}

	private SplittableRandom random(long index, int stream) {
		return new SplittableRandom(this.seed * 1_000_003L + stream * 0x9E3779B97F4A7C15L + index);
	}

	/** One load: everything it generates lives here until the rows are written. */
	private final class Load {

		private final Database database;

		private final RegionDirectory regions;

		private final PersonalDataSealer sealer;

		private final String passwordHash;

		private final UUID operator;

		private final RecordChain chain = new RecordChain();

		// volunteers, precomputed so that organizations can name their admins
		private final String[] volunteerRegion;

		private final long[] registeredAt;

		private final UUID[] accountIds;

		private final UUID[] volunteerIds;

		private final Map<String, List<Integer>> volunteersByProvince = new HashMap<>();

		// organizations
		private final UUID[] orgIds;

		private final String[] orgRegion;

		private final int[] orgAdmin;

		private final int[][] orgFields;

		private final long[] orgApprovedAt;

		private final Map<String, List<Integer>> orgsByProvince = new HashMap<>();

		private final Map<Integer, List<Integer>> orgsAdministeredBy = new HashMap<>();

		// activities
		private final UUID[] activityIds;

		private final int[] activityOrg;

		private final long[] activityStart;

		private final long[] activityEnd;

		private final String[] activityTitle;

		private final String[] activityAddress;

		private final Map<String, List<Integer>> finishedByProvince = new HashMap<>();

		private final List<Integer> finished = new ArrayList<>();

		private final Set<Long> idNumbers = new HashSet<>();

		Load(Database database, RegionDirectory regions, PersonalDataSealer sealer, String passwordHash,
				UUID operator) {
			this.database = database;
			this.regions = regions;
			this.sealer = sealer;
			this.passwordHash = passwordHash;
			this.operator = operator;
			int n = DataGenerator.this.volunteers;
			this.volunteerRegion = new String[n];
			this.registeredAt = new long[n];
			this.accountIds = new UUID[n];
			this.volunteerIds = new UUID[n];
			int o = DataGenerator.this.organizations;
			this.orgIds = new UUID[o];
			this.orgRegion = new String[o];
			this.orgAdmin = new int[o];
			this.orgFields = new int[o][];
			this.orgApprovedAt = new long[o];
			int a = DataGenerator.this.activities;
			this.activityIds = new UUID[a];
			this.activityOrg = new int[a];
			this.activityStart = new long[a];
			this.activityEnd = new long[a];
			this.activityTitle = new String[a];
			this.activityAddress = new String[a];
		}

		Map<String, Long> run() throws SQLException {
			placeVolunteers();
			Map<String, Long> rows = new LinkedHashMap<>();
			long started = System.nanoTime();
			try (TableSink organization = sink("organization",
					"id, name, org_type, credit_code, region_code, parent_id, status, contact_name, contact_phone,"
							+ " description, applicant_account_id, applied_at, reviewed_at");
					TableSink fields = sink("organization_field", "organization_id, field");
					TableSink events = sink("organization_event",
							"id, organization_id, kind, reason, actor_id, occurred_at");
					TableSink activity = sink("activity",
							"id, organization_id, project_id, title, description, field, region_code, address, lat,"
									+ " lng, geofence_meters, starts_at, ends_at, signup_deadline, approval, waitlist,"
									+ " risk_level, recruitment_mode, time_bank_eligible, status, created_by,"
									+ " created_at, published_at");
					TableSink position = sink("activity_position",
							"id, activity_id, name, capacity, accepted, min_age, max_age, sort_order")) {
				organizations(organization, fields, events);
				activities(activity, position);
				count(rows, organization, fields, events, activity, position);
			}
			Console.line(String.format("organizations and activities written in %.1f s",
					(System.nanoTime() - started) / 1e9));
			try (TableSink account = sink("account",
					"id, username, password_hash, display_name, status, failed_attempts, credentials_version,"
							+ " created_at, password_changed_at");
					TableSink grant = sink("account_grant", "account_id, role, scope, granted_at, granted_by");
					TableSink volunteer = sink("volunteer",
							"id, account_id, volunteer_number, name, id_type, id_number_sealed, id_number_fingerprint,"
									+ " id_number_masked, gender, birth_date, phone, region_code, status,"
									+ " privacy_policy_version, privacy_consented_at, oath_version, oath_accepted_at,"
									+ " registered_at");
					TableSink standing = sink("volunteer_standing", "volunteer_id, total_hours, star_level");
					TableSink attribute = sink("volunteer_attribute", "volunteer_id, kind, attribute");
					TableSink member = sink("organization_member",
							"organization_id, volunteer_id, member_role, status, requested_at, joined_at");
					TableSink record = sink("service_record",
							"id, volunteer_id, activity_id, organization_id, place, content, started_at, ended_at,"
									+ " hours, effective_hours, method, recorded_by, recorded_at, sequence,"
									+ " prev_hash, hash, volunteer_region_code")) {
				volunteers(account, grant, volunteer, standing, attribute, member, record);
				count(rows, account, grant, volunteer, standing, attribute, member, record);
			}
			return rows;
		}

		private TableSink sink(String table, String columns) throws SQLException {
			return this.database.sink(table, columns);
		}

		private void count(Map<String, Long> rows, TableSink... sinks) {
			for (TableSink sink : sinks) {
				rows.put(sink.table(), sink.rows());
			}
		}

		private void placeVolunteers() {
			List<String> districts = this.regions.districts();
			long sixYears = Duration.ofDays(6 * 365).toMillis();
			long nowMillis = DataGenerator.this.now.toEpochMilli();
			for (int i = 0; i < this.volunteerRegion.length; i++) {
				SplittableRandom random = random(i, 1);
				String district = districts.get(random.nextInt(districts.size()));
				List<String> streets = this.regions.streetsOf(district);
				this.volunteerRegion[i] = (!streets.isEmpty() && random.nextInt(10) < 7)
						? streets.get(random.nextInt(streets.size())) : district;
				this.registeredAt[i] = nowMillis - DAY - random.nextLong(sixYears);
				this.accountIds[i] = Uuids.v7(this.registeredAt[i], random);
				this.volunteerIds[i] = Uuids.v7(this.registeredAt[i], random);
				this.volunteersByProvince.computeIfAbsent(district.substring(0, 2), (k) -> new ArrayList<>()).add(i);
			}
		}

		private void organizations(TableSink organization, TableSink fields, TableSink events) throws SQLException {
			List<String> districts = this.regions.districts();
			long sixYears = Duration.ofDays(6 * 365).toMillis();
			for (int o = 0; o < this.orgIds.length; o++) {
				SplittableRandom random = random(o, 2);
				String district = districts.get(random.nextInt(districts.size()));
				List<String> streets = this.regions.streetsOf(district);
				String street = (!streets.isEmpty() && random.nextBoolean())
						? streets.get(random.nextInt(streets.size())) : null;
				String region = (street != null) ? street : district;
				String province = district.substring(0, 2);
				int admin = admin(random, province);
				String type = ORG_TYPES[weighted(random, ORG_TYPE_WEIGHTS)];
				String prefix = CREDIT_PREFIXES.get(type);
				String credit = (prefix != null) ? Identities.creditCode(prefix, district, o) : null;
				long applied = Math.min(DataGenerator.this.now.toEpochMilli() - 30 * DAY,
						Math.max(this.registeredAt[admin],
								DataGenerator.this.now.toEpochMilli() - 30 * DAY - random.nextLong(sixYears)));
				long approved = applied + DAY + random.nextLong(10 * DAY);
				UUID id = Uuids.v7(applied, random);
				this.orgIds[o] = id;
				this.orgRegion[o] = region;
				this.orgAdmin[o] = admin;
				this.orgApprovedAt[o] = approved;
				this.orgsByProvince.computeIfAbsent(province, (k) -> new ArrayList<>()).add(o);
				this.orgsAdministeredBy.computeIfAbsent(admin, (k) -> new ArrayList<>()).add(o);
				String name = this.regions.name(district) + ((street != null) ? this.regions.name(street) : "");
				Facts adminFacts = facts(admin);
				organization.row(id, Names.team(random, name), type, credit, region, null, "ACTIVE", adminFacts.name,
						Identities.phone(admin), "立足" + this.regions.fullName(region) + "，组织开展志愿服务。",
						this.accountIds[admin], Instant.ofEpochMilli(applied), Instant.ofEpochMilli(approved));
				int[] chosen = distinct(random, 1 + random.nextInt(3), FIELDS.length);
				this.orgFields[o] = chosen;
				for (int field : chosen) {
					fields.row(id, FIELDS[field]);
				}
				events.row(Uuids.v7(applied, random), id, "APPLIED", null, this.accountIds[admin],
						Instant.ofEpochMilli(applied));
				events.row(Uuids.v7(approved, random), id, "APPROVED", null, this.operator,
						Instant.ofEpochMilli(approved));
			}
		}

		/**
		 * A volunteer of the province who registered at least two months ago, to apply
		 * for an organization and run it.
		 */
		private int admin(SplittableRandom random, String province) {
			List<Integer> locals = this.volunteersByProvince.get(province);
			long latest = DataGenerator.this.now.toEpochMilli() - 60 * DAY;
			int candidate = 0;
			for (int attempt = 0; attempt < 50; attempt++) {
				candidate = (locals != null) ? locals.get(random.nextInt(locals.size()))
						: random.nextInt(this.volunteerRegion.length);
				if (this.registeredAt[candidate] <= latest) {
					return candidate;
				}
			}
			this.registeredAt[candidate] = latest;
			return candidate;
		}

		private void activities(TableSink activity, TableSink position) throws SQLException {
			long threeYears = Duration.ofDays(3 * 365).toMillis();
			long nowMillis = DataGenerator.this.now.toEpochMilli();
			double recruitingShare = Double.parseDouble(DataGenerator.this.options.string("recruiting-share", "0.1"));
			for (int a = 0; a < this.activityIds.length; a++) {
				SplittableRandom random = random(a, 3);
				int o = random.nextInt(this.orgIds.length);
				String district = RegionDirectory.districtOf(this.orgRegion[o]);
				List<String> streets = this.regions.streetsOf(district);
				String region = (!streets.isEmpty() && random.nextInt(10) < 6)
						? streets.get(random.nextInt(streets.size())) : this.orgRegion[o];
				int field = this.orgFields[o][random.nextInt(this.orgFields[o].length)];
				boolean recruiting = random.nextDouble() < recruitingShare;
				long day = recruiting ? nowMillis + DAY + random.nextLong(60 * DAY)
						: Math.max(this.orgApprovedAt[o] + DAY, nowMillis - DAY - random.nextLong(threeYears));
				ZonedDateTime start = Instant.ofEpochMilli(day)
					.atZone(CHINA)
					.truncatedTo(ChronoUnit.DAYS)
					.withHour(8 + random.nextInt(8))
					.withMinute(random.nextBoolean() ? 0 : 30);
				if (!recruiting && !start.toInstant().isBefore(DataGenerator.this.now.minus(Duration.ofHours(12)))) {
					start = start.minusDays(1);
				}
				Instant starts = start.toInstant();
				Instant ends = starts.plus(Duration.ofMinutes(120 + 30L * random.nextInt(13)));
				Instant created = Instant.ofEpochMilli(Math.min(nowMillis - 3_600_000L,
						Math.max(this.orgApprovedAt[o], starts.toEpochMilli() - (7 + random.nextInt(24)) * DAY)));
				Instant published = created.plus(Duration.ofHours(1 + random.nextInt(20)));
				if (published.isAfter(DataGenerator.this.now)) {
					published = DataGenerator.this.now;
				}
				String topic = Names.topic(random, field);
				String title = this.regions.name(region) + topic + "志愿服务活动";
				String address = Names.address(random, this.regions.fullName(region)) + Names.place(random);
				double[] capital = RegionDirectory.capitalOf(district.substring(0, 2));
				UUID id = Uuids.v7(created.toEpochMilli(), random);
				this.activityIds[a] = id;
				this.activityOrg[a] = o;
				this.activityStart[a] = starts.getEpochSecond();
				this.activityEnd[a] = ends.getEpochSecond();
				this.activityTitle[a] = title;
				this.activityAddress[a] = address;
				activity.row(id, this.orgIds[o], null, title, "组织志愿者开展" + topic + "活动。请准时到达集合地点，服从现场安排；服务时长计入志愿服务记录。",
						FIELDS[field], region, address, round(capital[0] + random.nextDouble(-0.3, 0.3)),
						round(capital[1] + random.nextDouble(-0.3, 0.3)), 200, starts, ends,
						starts.minus(Duration.ofDays(1)), "AUTO", true, "LOW", "REGULAR", false,
						recruiting ? "RECRUITING" : "FINISHED", this.accountIds[this.orgAdmin[o]], created, published);
				int count = 1 + random.nextInt(3);
				for (int p = 0; p < count; p++) {
					position.row(Uuids.v7(created.toEpochMilli(), random), id,
							POSITIONS[(p + random.nextInt(POSITIONS.length)) % POSITIONS.length],
							10 + random.nextInt(191), 0, 14, null, p);
				}
				if (!recruiting) {
					this.finished.add(a);
					this.finishedByProvince.computeIfAbsent(district.substring(0, 2), (k) -> new ArrayList<>()).add(a);
				}
			}
			if (this.finished.isEmpty()) {
				throw new IllegalStateException("no finished activity to attach service records to");
			}
		}

		private void volunteers(TableSink account, TableSink grant, TableSink volunteer, TableSink standing,
				TableSink attribute, TableSink member, TableSink record) throws SQLException {
			int[] counts = recordCounts();
			int n = this.volunteerRegion.length;
			long started = System.nanoTime();
			long written = 0;
			for (int i = 0; i < n; i++) {
				SplittableRandom random = random(i, 4);
				Facts facts = facts(i);
				String idNumber = uniqueIdNumber(facts);
				UUID accountId = this.accountIds[i];
				UUID volunteerId = this.volunteerIds[i];
				String province = RegionDirectory.districtOf(this.volunteerRegion[i]).substring(0, 2);
				int[] served = pickActivities(random, counts[i], province);
				long registered = this.registeredAt[i];
				if (served.length > 0) {
					registered = Math.min(registered,
							this.activityStart[served[0]] * 1000 - DAY - random.nextLong(60 * DAY));
				}
				Instant registeredAt = Instant.ofEpochMilli(registered).truncatedTo(ChronoUnit.SECONDS);
				String prevHash = RecordChain.GENESIS;
				BigDecimal total = BigDecimal.ZERO.setScale(2);
				for (int s = 0; s < served.length; s++) {
					int a = served[s];
					int o = this.activityOrg[a];
					Instant begin = Instant.ofEpochSecond(this.activityStart[a] + 900L * random.nextInt(3));
					Instant end = Instant.ofEpochSecond(this.activityEnd[a] - 900L * random.nextInt(3));
					if (Duration.between(begin, end).toMinutes() < 30) {
						begin = Instant.ofEpochSecond(this.activityStart[a]);
						end = Instant.ofEpochSecond(this.activityEnd[a]);
					}
					BigDecimal hours = RecordChain.hoursBetween(begin, end);
					Instant recordedAt = end.plusSeconds(3600 + random.nextInt(3 * 86_400));
					if (recordedAt.isAfter(DataGenerator.this.now)) {
						recordedAt = DataGenerator.this.now;
					}
					UUID recordedBy = this.accountIds[this.orgAdmin[o]];
					String hash = this.chain.hash(volunteerId, s + 1, this.activityIds[a], this.orgIds[o], begin, end,
							hours, "IMPORT", recordedBy, prevHash);
					String place = this.activityAddress[a];
					record.row(Uuids.v7(recordedAt.toEpochMilli(), random), volunteerId, this.activityIds[a],
							this.orgIds[o], (place.length() > 200) ? place.substring(0, 200) : place,
							this.activityTitle[a], begin, end, hours, hours, "IMPORT", recordedBy, recordedAt,
							(long) (s + 1), prevHash, hash, this.volunteerRegion[i]);
					prevHash = hash;
					total = total.add(hours);
				}
				account.row(accountId, Identities.phone(i), this.passwordHash, facts.name, "ACTIVE", 0, 0, registeredAt,
						registeredAt);
				grant.row(accountId, "VOLUNTEER", "", registeredAt, null);
				String region = this.volunteerRegion[i];
				volunteer.row(volunteerId, accountId,
						Identities.volunteerNumber(region, registeredAt.atZone(CHINA).getYear(), i), facts.name,
						"RESIDENT_ID", this.sealer.seal(idNumber), this.sealer.fingerprint("RESIDENT_ID", idNumber),
						Identities.maskIdNumber(idNumber), facts.male ? "MALE" : "FEMALE", facts.birthDate,
						Identities.phone(i), region, "ACTIVE", POLICY_VERSION, registeredAt, POLICY_VERSION,
						registeredAt, registeredAt);
				standing.row(volunteerId, total, stars(total));
				if (random.nextInt(10) < 4) {
					for (int skill : distinct(random, 1 + random.nextInt(2), SKILLS.length)) {
						attribute.row(volunteerId, "SKILL", SKILLS[skill]);
					}
				}
				List<Integer> administered = this.orgsAdministeredBy.getOrDefault(i, List.of());
				for (int o : administered) {
					Instant since = Instant.ofEpochMilli(this.orgApprovedAt[o]).truncatedTo(ChronoUnit.SECONDS);
					grant.row(accountId, "ORG_ADMIN", this.orgIds[o].toString(), since, accountId);
					member.row(this.orgIds[o], volunteerId, "ADMIN", "ACTIVE", since, since);
				}
				List<Integer> localOrgs = this.orgsByProvince.get(province);
				if (localOrgs != null && random.nextInt(10) < 6) {
					int o = localOrgs.get(random.nextInt(localOrgs.size()));
					if (!administered.contains(o)) {
						Instant joined = registeredAt.plus(Duration.ofDays(random.nextInt(30)));
						if (joined.isAfter(DataGenerator.this.now)) {
							joined = DataGenerator.this.now;
						}
						member.row(this.orgIds[o], volunteerId, "MEMBER", "ACTIVE", joined, joined);
					}
				}
				written += served.length;
				if ((i + 1) % Math.max(1, n / 20) == 0) {
					double seconds = (System.nanoTime() - started) / 1e9;
					Console.line(String.format("  %,d volunteers, %,d records (%.0f%%), %,.0f records/s", i + 1,
							written, 100.0 * (i + 1) / n, written / seconds));
				}
			}
		}

		/**
		 * Records per volunteer: a quarter have none, the others an exponentially
		 * distributed number, scaled so that the total is exactly the number asked for.
		 */
		private int[] recordCounts() {
			int n = this.volunteerRegion.length;
			long wanted = DataGenerator.this.records;
			double[] weights = new double[n];
			double sum = 0;
			SplittableRandom random = random(0, 5);
			for (int i = 0; i < n; i++) {
				weights[i] = (random.nextInt(4) == 0) ? 0 : -Math.log(1 - random.nextDouble());
				sum += weights[i];
			}
			int cap = Math.min(2_000, this.finished.size());
			int[] counts = new int[n];
			long total = 0;
			for (int i = 0; i < n; i++) {
				counts[i] = (int) Math.min(cap, Math.floor(weights[i] * wanted / sum));
				total += counts[i];
			}
			for (int guard = 0; total < wanted && guard < 100 * n; guard++) {
				int i = random.nextInt(n);
				if (weights[i] > 0 && counts[i] < cap) {
					counts[i]++;
					total++;
				}
			}
			if (total != wanted) {
				throw new IllegalStateException("cannot place " + wanted + " records on " + n + " volunteers and "
						+ this.finished.size() + " finished activities");
			}
			return counts;
		}

		/**
		 * Distinct finished activities, mostly of the volunteer's province, in time
		 * order.
		 */
		private int[] pickActivities(SplittableRandom random, int count, String province) {
			if (count == 0) {
				return new int[0];
			}
			List<Integer> local = this.finishedByProvince.getOrDefault(province, List.of());
			Set<Integer> picked = new HashSet<>();
			while (picked.size() < count) {
				List<Integer> pool = (local.size() > count * 2 && random.nextInt(100) < 85) ? local : this.finished;
				picked.add(pool.get(random.nextInt(pool.size())));
			}
			return picked.stream()
				.sorted((x, y) -> Long.compare(this.activityStart[x], this.activityStart[y]))
				.mapToInt(Integer::intValue)
				.toArray();
		}

		/**
		 * A resident ID number for the volunteer's facts, unique in the data set: on a
		 * clash the sequence moves on by two (keeping the gender digit).
		 */
		private String uniqueIdNumber(Facts facts) {
			LocalDate birth = facts.birthDate;
			int sequence = facts.sequence;
			for (int attempt = 0;; attempt++) {
				String number = Identities.residentId(facts.birthDistrict, birth, sequence);
				if (this.idNumbers.add(Long.parseLong(number.substring(0, 17)))) {
					return number;
				}
				sequence = (sequence + 2) % 1000;
				if (attempt % 500 == 499) {
					birth = birth.plusDays(1);
				}
			}
		}

		/** What stays the same about volunteer {@code i} wherever it is needed. */
		private Facts facts(int i) {
			SplittableRandom random = random(i, 6);
			boolean male = random.nextBoolean();
			String name = Names.person(random, male);
			LocalDate today = DataGenerator.this.now.atZone(CHINA).toLocalDate();
			// adults: 18 to 70, more of them young
			int age = 18 + (int) Math.min(52, Math.floor(-Math.log(1 - random.nextDouble()) * 14));
			LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(364));
			String home = RegionDirectory.districtOf(this.volunteerRegion[i]);
			List<String> districts = this.regions.districts();
			String birthDistrict = (random.nextInt(10) < 6) ? home : districts.get(random.nextInt(districts.size()));
			int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
			return new Facts(name, male, birth, birthDistrict, sequence);
		}

	}

	private static int stars(BigDecimal total) {
		int star = 0;
		for (BigDecimal threshold : STAR_HOURS) {
			if (total.compareTo(threshold) >= 0) {
				star++;
			}
		}
		return star;
	}

	private static int weighted(SplittableRandom random, int[] weights) {
		int total = Arrays.stream(weights).sum();
		int pick = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			pick -= weights[i];
			if (pick < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static int[] distinct(SplittableRandom random, int count, int bound) {
		return random.ints(0, bound).distinct().limit(Math.min(count, bound)).toArray();
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	private record Facts(String name, boolean male, LocalDate birthDate, String birthDistrict, int sequence) {

	}

}
