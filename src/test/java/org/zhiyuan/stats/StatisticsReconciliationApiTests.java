package org.zhiyuan.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityReviews;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ApprovalMode;
import org.zhiyuan.activity.NewActivity;
import org.zhiyuan.activity.RecruitmentMode;
import org.zhiyuan.activity.ReviewDecision;
import org.zhiyuan.activity.RiskLevel;
import org.zhiyuan.organization.ImportOutcome;
import org.zhiyuan.organization.ImportProgress;
import org.zhiyuan.organization.ImportRowResult;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.organization.VolunteerImports;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.RecordOutcome;
import org.zhiyuan.record.RecordReview;
import org.zhiyuan.record.RecordReviews;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;
import org.zhiyuan.volunteer.VolunteerCategory;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random facts in 兰州市 (620100), written through the modules' services in a random order:
 * registrations and an Excel import, activities, records, approved amendments, voided
 * records, moves, category changes, deregistrations and a suspended organization. After
 * the fold, every region's rollups equal a recount of the facts, and each region's
 * additive figures equal the sum of its sub-regions'; building the rollups again from the
 * facts changes nothing. The draw is fixed ({@code -Dzhiyuan.stats.seed=…} draws
 * another).
 */
class StatisticsReconciliationApiTests extends ApiTestSupport {

	private static final long SEED = Long.getLong("zhiyuan.stats.seed", 20260314L);

	private static final String PROVINCE = "620000";

	private static final String CITY = "620100";

	private static final List<String> STREETS = List.of("620102001", "620102002", "620102003", "620103001",
			"620103002");

	@Autowired
	VolunteerRegistration registration;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Activities activities;

	@Autowired
	ServiceRecords records;

	@Autowired
	RecordAmendments amendments;

	@Autowired
	RecordReviews reviews;

	@Autowired
	Organizations organizations;

	@Autowired
	VolunteerImports imports;

	@Autowired
	ActivityReviews activityReviews;

	@Autowired
	StatisticsFold fold;

	@Autowired
	Statistics statistics;

	@Autowired
	StatsRebuild rebuild;

	@Autowired
	StatsRepository repository;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recountEqualsTheRollupsAfterRandomFactsAndARebuildChangesNothing() throws Exception {
		Random random = new Random(SEED);
		StatsScene scene = new StatsScene(this.fixtures, this.registration, this.volunteers, this.activities,
				this.records, this.amendments, PROVINCE);
		Actor operator = new Actor(UUID.randomUUID(), "operator", "operator", Set.of(Grant.operatorOf(PROVINCE)));
		Team teamA = this.fixtures.anActiveTeamIn(STREETS.get(0));
		Team teamB = this.fixtures.anActiveTeamIn(STREETS.get(3));
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			people.add(scene.volunteerAged(18 + random.nextInt(57), pick(random, STREETS)));
		}
		people.addAll(imported(teamA, random));
		List<ServiceRecordView> written = new ArrayList<>();
		Set<Person> gone = new LinkedHashSet<>();
		LocalDate today = LocalDate.now(StatsScene.CHINA);
		List<Integer> daysAgo = new ArrayList<>(
				new TreeSet<>(random.ints(3, 150).distinct().limit(7).boxed().toList()));
		Collections.reverse(daysAgo);
		for (int day : daysAgo) {
			Team team = random.nextBoolean() ? teamA : teamB;
			ActivityView activity = scene.activity(team, pick(random, STREETS), pick(random, ServiceField.values()),
					today.minusDays(day));
			for (Person person : people) {
				if (!gone.contains(person) && random.nextInt(3) > 0) {
					int from = 8 + random.nextInt(4);
					written.add(scene.serve(team, person, activity, from, random.nextInt(2) * 30,
							from + 1 + random.nextInt(5), random.nextInt(4) * 15));
				}
			}
			for (int change = 0; change < 3; change++) {
				changeSomething(random, scene, operator, people, gone, written, teamA, teamB);
			}
		}
		backfill(random, scene, operator, teamA, people, gone, today.minusDays(2));
		this.organizations.suspend(operator, teamB.id(), "年检未通过");
		this.fold.foldAll();

		Set<String> regions = new LinkedHashSet<>(List.of(PROVINCE, CITY, "620102", "620103"));
		regions.addAll(STREETS);
		Actor cityOperator = new Actor(UUID.randomUUID(), "city", "city", Set.of(Grant.operatorOf(CITY)));
		Map<String, Figures> before = new LinkedHashMap<>();
		for (String region : regions) {
			Reconciliation result = this.statistics.reconcile(region.equals(PROVINCE) ? operator : cityOperator,
					region);
			assertThat(result.differences()).as(region + ", seed " + SEED).isEmpty();
			assertThat(result.figuresChecked()).isPositive();
			before.put(region, this.repository.figuresOf(region));
		}
		assertThat(before.get(CITY).cells()).as("the scene counted something").isNotEmpty();

		this.rebuild.rebuild();
		for (String region : regions) {
			assertThat(this.repository.figuresOf(region).cells()).as(region + " rebuilt, seed " + SEED)
				.isEqualTo(before.get(region).cells());
		}
		assertThat(this.statistics.reconcile(operator, PROVINCE).differences()).isEmpty();
	}

	@Test
	void reportsAWrongRollupUntilTheRollupsAreBuiltAgain() {
		Person volunteer = new StatsScene(this.fixtures, this.registration, this.volunteers, this.activities,
				this.records, this.amendments, PROVINCE)
			.volunteerAged(33, "620103003");
		this.fold.foldAll();
		Actor operator = new Actor(UUID.randomUUID(), "operator", "operator", Set.of(Grant.operatorOf(PROVINCE)));
		assertThat(this.statistics.reconcile(operator, "620103003").differences()).isEmpty();
		this.jdbc
			.sql("UPDATE stat_registered SET volunteers = volunteers + 1 WHERE node = '620103003' AND dim = 'TOTAL'")
			.update();
		Reconciliation wrong = this.statistics.reconcile(operator, "620103003");
		assertThat(wrong.differences())
			.extracting(Reconciliation.Difference::check, Reconciliation.Difference::figure,
					Reconciliation.Difference::expected)
			.contains(org.assertj.core.groups.Tuple.tuple("RECOUNT", "REGISTERED",
					String.valueOf(registered(volunteer))));
		assertThat(this.statistics.reconcile(operator, "620103").differences())
			.extracting(Reconciliation.Difference::check)
			.containsOnly("CHILDREN");
		this.rebuild.rebuild();
		assertThat(this.statistics.reconcile(operator, "620103003").differences()).isEmpty();
		assertThat(this.statistics.reconcile(operator, "620103").differences()).isEmpty();
	}

	private long registered(Person volunteer) {
		String region = this.volunteers.find(volunteer.volunteerId()).orElseThrow().regionCode();
		return this.jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE region_code = :region AND status = 'ACTIVE'")
			.param("region", region)
			.query(Long.class)
			.single();
	}

	@Test
	void buildsTheRollupsFromTheFactsOnceWhenNeverBuilt() {
		this.jdbc.sql("UPDATE stat_fold SET built_at = NULL").update();
		assertThat(this.fold.foldAll()).as("nothing folds before the first build").isZero();
		assertThat(this.rebuild.buildIfNeeded()).isTrue();
		assertThat(this.rebuild.buildIfNeeded()).isFalse();
	}

	/**
	 * An activity the team registers afterwards (补录), its records held until the
	 * operators decide: confirmed, they count with the activity; rejected, both are void.
	 */
	private void backfill(Random random, StatsScene scene, Actor operator, Team team, List<Person> people,
			Set<Person> gone, LocalDate day) {
		OffsetDateTime start = day.atTime(8, 0).atZone(StatsScene.CHINA).toOffsetDateTime();
		ActivityView activity = this.activities.recordPast(this.fixtures.actorOf(team.admin()),
				new NewActivity(team.id(), null, "补录活动 " + Fixtures.uniqueUsername(""), "线下开展的志愿服务。",
						ServiceField.COMMUNITY_SERVICE, pick(random, STREETS), "服务站", null, null, 300, start,
						start.plusHours(10), null, ApprovalMode.AUTO, false, RiskLevel.LOW, RecruitmentMode.REGULAR,
						false, null, null, null, List.of(new NewActivity.NewPosition("志愿者", 50, 14, null, List.of()))),
				"线下开展的活动，补录以便录入服务时长");
		for (Person person : people) {
			if (!gone.contains(person) && random.nextBoolean()) {
				scene.serve(team, person, activity, 9, 0, 12, 0);
			}
		}
		this.activityReviews.review(operator, activity.id(),
				random.nextBoolean() ? ReviewDecision.APPROVE : ReviewDecision.REJECT, "已核对签到表");
	}

	/**
	 * One random change: a move, new categories, an amendment, a voided record, a leaver.
	 */
	private void changeSomething(Random random, StatsScene scene, Actor operator, List<Person> people, Set<Person> gone,
			List<ServiceRecordView> written, Team teamA, Team teamB) {
		Person person = pick(random, people);
		switch (random.nextInt(5)) {
			case 0, 1 -> {
				if (!gone.contains(person)) {
					List<VolunteerCategory> categories = new ArrayList<>();
					for (VolunteerCategory category : VolunteerCategory.values()) {
						if (random.nextInt(4) == 0) {
							categories.add(category);
						}
					}
					scene.move(person, pick(random, STREETS), categories.toArray(VolunteerCategory[]::new));
				}
			}
			case 2 -> {
				if (!written.isEmpty()) {
					ServiceRecordView record = pick(random, written);
					Person owner = people.stream()
						.filter((p) -> p.volunteerId().equals(record.volunteerId()))
						.findFirst()
						.orElseThrow();
					Team team = record.organizationId().equals(teamA.id()) ? teamA : teamB;
					if (!gone.contains(owner) && pendingFree(record)) {
						scene.amend(team, owner, record, String.valueOf(random.nextInt(8)) + ".25");
					}
				}
			}
			case 3 -> {
				if (!written.isEmpty()) {
					ServiceRecordView record = pick(random, written);
					if (RecordReview.FLAGGED.name().equals(reviewOf(record))) {
						this.reviews.resolve(operator, record.id(),
								random.nextBoolean() ? RecordOutcome.VOID : RecordOutcome.COUNT, "核对签到表后处理");
					}
				}
			}
			default -> {
				if (!gone.contains(person) && random.nextInt(3) == 0) {
					scene.deregister(person);
					gone.add(person);
				}
			}
		}
	}

	private String reviewOf(ServiceRecordView record) {
		return this.jdbc.sql("SELECT review FROM service_record WHERE id = :id")
			.param("id", record.id())
			.query(String.class)
			.single();
	}

	private boolean pendingFree(ServiceRecordView record) {
		return this.jdbc.sql("SELECT COUNT(*) FROM record_amendment WHERE record_id = :id AND status = 'PENDING'")
			.param("id", record.id())
			.query(Long.class)
			.single() == 0;
	}

	/** Three volunteers imported from a sheet by the team's admin, who can sign in. */
	private List<Person> imported(Team team, Random random) throws IOException, InterruptedException {
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			rows.add(new String[] { "导入志愿者", "居民身份证", Identities.residentIdAged(20 + random.nextInt(40)), "", "",
					Identities.phone(), pick(random, STREETS), "", "", "", "", Fixtures.PASSWORD });
		}
		Actor admin = this.fixtures.actorOf(team.admin());
		ImportProgress started = this.imports.start(admin, team.id(), "v.xlsx", workbook(rows), true);
		ImportProgress progress = started;
		long deadline = System.currentTimeMillis() + 60_000;
		while (!progress.finished() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
			progress = this.imports.progress(admin, team.id(), started.id());
		}
		assertThat(progress.created()).isEqualTo(3);
		List<Person> people = new ArrayList<>();
		for (ImportRowResult row : this.imports.rows(admin, team.id(), started.id(), false, PageQuery.of(0, 10))
			.items()) {
			assertThat(row.outcome()).isEqualTo(ImportOutcome.CREATED);
			VolunteerView volunteer = this.volunteers.find(row.volunteerId()).orElseThrow();
			people.add(new Person(volunteer.accountId(), null, Fixtures.PASSWORD, volunteer.id(), null));
		}
		return people;
	}

	private static byte[] workbook(List<String[]> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("志愿者");
			sheet.createRow(0).createCell(0).setCellValue("姓名 Name*");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).length; c++) {
					row.createCell(c).setCellValue(rows.get(r)[c]);
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static <T> T pick(Random random, T[] values) {
		return values[random.nextInt(values.length)];
	}

}
