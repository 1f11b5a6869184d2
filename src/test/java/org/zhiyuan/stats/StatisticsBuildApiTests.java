package org.zhiyuan.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.record.RecordAmendments;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The statistics built from the facts again while the platform keeps writing, in 西宁市
 * (630100): what is written during a build is counted once, by the build or by the fold
 * after it; while they are being built the overview, the dashboard and the screen say so,
 * the reconciliation waits, and a build in the background ends with figures equal to a
 * recount.
 */
class StatisticsBuildApiTests extends ApiTestSupport {

	private static final String PROVINCE = "630000";

	private static final String CITY = "630100";

	private static final List<String> STREETS = List.of("630102001", "630102002", "630102003");

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
	StatisticsFold fold;

	@Autowired
	Statistics statistics;

	@Autowired
	StatsRebuild rebuild;

	@Autowired
	StatsBackfill backfill;

	@Autowired
	JdbcClient jdbc;

	private final Actor operator = new Actor(UUID.randomUUID(), "operator", "operator",
			Set.of(Grant.operatorOf(PROVINCE)));

	@Test
	void whatIsWrittenDuringABuildCountsOnce() throws Exception {
		StatsScene scene = scene();
		Team team = this.fixtures.anActiveTeamIn(STREETS.get(0));
		LocalDate today = LocalDate.now(StatsScene.CHINA);
		List<ActivityView> days = new ArrayList<>();
		for (int d = 0; d < 4; d++) {
			days.add(scene.activity(team, STREETS.get(d % STREETS.size()), ServiceField.COMMUNITY_SERVICE,
					today.minusDays(3 + d)));
		}
		ConcurrentLinkedQueue<Runnable> work = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < 24; i++) {
			Person person = scene.volunteerAged(20 + i, STREETS.get(i % STREETS.size()));
			for (ActivityView activity : days) {
				int minutes = 15 * (i % 4);
				work.add(() -> scene.serve(team, person, activity, 9, 0, 10 + activity.hashCode() % 2 + 1, minutes));
			}
		}
		this.fold.foldAll();
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger builds = new AtomicInteger();
		CompletableFuture<Void> builder = CompletableFuture.runAsync(() -> {
			while (writing.get() || builds.get() < 3) {
				this.rebuild.rebuild();
				builds.incrementAndGet();
			}
		});
		List<CompletableFuture<Void>> writers = new ArrayList<>();
		for (int w = 0; w < 3; w++) {
			writers.add(CompletableFuture.runAsync(() -> {
				for (Runnable next = work.poll(); next != null; next = work.poll()) {
					next.run();
				}
			}));
		}
		for (CompletableFuture<Void> writer : writers) {
			writer.get(180, TimeUnit.SECONDS);
		}
		writing.set(false);
		builder.get(180, TimeUnit.SECONDS);
		assertThat(builds.get()).isGreaterThanOrEqualTo(3);
		this.fold.foldAll();

		for (String region : List.of(PROVINCE, CITY, "630102", STREETS.get(0), STREETS.get(1), STREETS.get(2))) {
			assertThat(this.statistics.reconcile(this.operator, region).differences()).as(region).isEmpty();
		}
	}

	@Test
	void whileBeingBuiltThePagesSaySoAndTheBackgroundBuildEndsItRight() throws Exception {
		StatsScene scene = scene();
		Team team = this.fixtures.anActiveTeamIn(STREETS.get(2));
		ActivityView activity = scene.activity(team, STREETS.get(2), ServiceField.HEALTH,
				LocalDate.now(StatsScene.CHINA).minusDays(5));
		Person volunteer = scene.volunteerAged(44, STREETS.get(2));
		this.fold.foldAll();
		Person cityOperator = this.fixtures.anOperatorOf(CITY);
		Api api = new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(cityOperator));
		assertThat(api.get("/api/v1/stats/overview?regionCode=" + CITY).json().get("building").asBoolean()).isFalse();

		this.jdbc.sql("UPDATE stat_fold SET built_at = NULL").update();
		try {
			scene.serve(team, volunteer, activity, 9, 0, 11, 30);
			assertThat(this.fold.foldAll()).as("the fold waits for the build").isZero();
			JsonNode overview = api.get("/api/v1/stats/overview?regionCode=" + CITY).json();
			assertThat(overview.get("building").asBoolean()).isTrue();
			assertThat(browserOf(cityOperator).get("/dashboard/" + CITY).body()).contains("id=\"dash-building\"")
				.contains("统计数字正在根据全部记录重新计算");
			assertThat(new Api("http://localhost:" + this.port).get("/regions/" + CITY + "/screen").body())
				.contains("id=\"screen-building\"");
			Response refused = api.get("/api/v1/stats/reconciliation?regionCode=" + CITY);
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.json().get("code").asString()).isEqualTo("STATS_BUILDING");
			assertThatThrownBy(() -> this.statistics.reconcile(this.operator, CITY))
				.isInstanceOf(ProblemException.class);
		}
		finally {
			assertThat(this.backfill.inBackground().get(120, TimeUnit.SECONDS)).as("built by this call").isTrue();
		}
		assertThat(this.backfill.inBackground().get(120, TimeUnit.SECONDS)).as("built once").isFalse();
		this.fold.foldAll();
		assertThat(api.get("/api/v1/stats/overview?regionCode=" + CITY).json().get("building").asBoolean()).isFalse();
		assertThat(browserOf(cityOperator).get("/dashboard/" + CITY).body()).doesNotContain("dash-building");
		assertThat(this.statistics.reconcile(this.operator, CITY).differences()).isEmpty();
		assertThat(this.statistics.reconcile(this.operator, STREETS.get(2)).differences()).isEmpty();
	}

	private StatsScene scene() {
		return new StatsScene(this.fixtures, this.registration, this.volunteers, this.activities, this.records,
				this.amendments, PROVINCE);
	}

	private Api browserOf(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", person.username(), "password", person.password()));
		return browser;
	}

}
