package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.zhiyuan.organization.OrganizationStatus;
import org.zhiyuan.record.RecordReview;
import org.zhiyuan.stats.StatsRepository.Placed;
import org.zhiyuan.volunteer.VolunteerStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds every statistic from the facts themselves, with the same keys and nodes as the
 * fold: the volunteers, organizations and activities as they count now, and the counted
 * records month by month, then by quarter, year and for all time, and each organization's
 * and project's service and activities. While it builds, the statistics are marked as
 * being built, so that the fold waits and the pages say so.
 * <p>
 * Each step reads the facts it counts and drops the outbox rows of those facts in one
 * snapshot, so that a change committed before the step is counted by it and one committed
 * after is folded once the build is done: the volunteers with their rows, the
 * organizations and the activities with theirs, and the records a group of volunteers at
 * a time with the service rows of those volunteers (a volunteer's records and their rows
 * are always read together). What the steps then add up reads only the statistics' own
 * tables, which nothing else writes while they are being built. On PostgreSQL all steps
 * run in one repeatable-read transaction that holds the fold's lock, so that other
 * instances wait for it; on H2, whose serializable snapshot keeps every page the
 * transaction has written until it commits (a build in one transaction at 10^6 records
 * filled 38 GB of disk), each step commits on its own and the records are read
 * {@code zhiyuan.stats.build-step} volunteers at a time; H2's database belongs to one
 * process, in which one build runs at a time.
 * <p>
 * On the first start after the statistics came, this runs once ({@link StatsBackfill}),
 * so that existing installations and demo data have their figures from the start; later,
 * an operator may run it again ({@code --zhiyuan.rebuild-stats}).
 */
@Service
class StatsRebuild {

	static final List<String> COUNTED_REVIEWS = Arrays.stream(RecordReview.values())
		.filter(RecordReview::counts)
		.map(Enum::name)
		.toList();

	static final List<String> PUBLISHED = StatsOutbox.PUBLISHED.stream().map(Enum::name).toList();

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final StatsRepository repository;

	private final Nodes nodes;

	private final TransactionTemplate transaction;

	private final PlatformTransactionManager transactions;

	private final int stepVolunteers;

	/** The build under way in this process, when it runs in steps. */
	private final ReentrantLock building = new ReentrantLock();

	private volatile Boolean postgreSql;

	StatsRebuild(JdbcClient jdbc, DataSource dataSource, StatsRepository repository, Nodes nodes,
			PlatformTransactionManager transactions, @Value("${zhiyuan.stats.build-step}") int stepVolunteers) {
		if (stepVolunteers < 1) {
			throw new IllegalArgumentException("zhiyuan.stats.build-step must be at least 1");
		}
		this.stepVolunteers = stepVolunteers;
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
		this.repository = repository;
		this.nodes = nodes;
		this.transaction = new TransactionTemplate(transactions);
		this.transactions = transactions;
	}

	/** Whether the statistics wait to be built from the facts. */
	boolean needed() {
		return this.repository.builtAt().isEmpty();
	}

	/**
	 * Counts the facts a build reads, up to the given number: enough to tell a small
	 * installation from a large one without counting all of a large one.
	 */
	long factsUpTo(long limit) {
		return this.jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM service_record FETCH FIRST :n ROWS ONLY) r")
			.param("n", limit)
			.query(Long.class)
			.single();
	}

	/** Builds the statistics from the facts unless they were built before. */
	boolean buildIfNeeded() {
		if (!isPostgreSql()) {
			this.building.lock();
			try {
				if (this.repository.builtAt().isPresent()) {
					return false;
				}
				build();
				return true;
			}
			finally {
				this.building.unlock();
			}
		}
		Boolean built = snapshot().execute((status) -> {
			if (this.repository.lockFold().isPresent()) {
				return false;
			}
			build();
			return true;
		});
		return Boolean.TRUE.equals(built);
	}

	/**
	 * Builds the statistics from the facts again, whatever they hold: they are first
	 * marked as being built, so that the fold waits and the pages say so, then built.
	 */
	void rebuild() {
		if (!isPostgreSql()) {
			this.building.lock();
		}
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.repository.lockFold();
				this.repository.markBuilt(null);
			});
			if (isPostgreSql()) {
				snapshot().executeWithoutResult((status) -> {
					this.repository.lockFold();
					build();
				});
			}
			else {
				build();
			}
		}
		finally {
			if (!isPostgreSql()) {
				this.building.unlock();
			}
		}
	}

	/**
	 * The build's transaction, which reads the facts and the outbox as of one moment
	 * while the platform keeps writing: what is committed after that moment stays in the
	 * outbox, and the fold counts it once the build is done. PostgreSQL's repeatable read
	 * is such a snapshot; H2's is not (it sees rows committed meanwhile), its
	 * serializable level is.
	 */
	private TransactionTemplate snapshot() {
		TransactionTemplate snapshot = new TransactionTemplate(this.transactions);
		snapshot.setIsolationLevel(isPostgreSql() ? TransactionDefinition.ISOLATION_REPEATABLE_READ
				: TransactionDefinition.ISOLATION_SERIALIZABLE);
		return snapshot;
	}

	private boolean isPostgreSql() {
		if (this.postgreSql == null) {
			this.postgreSql = "PostgreSQL".equals(this.streaming.execute(
					(org.springframework.jdbc.core.ConnectionCallback<String>) (connection) -> connection.getMetaData()
						.getDatabaseProductName()));
		}
		return this.postgreSql;
	}

	private void build() {
		if (isPostgreSql()) {
			// the batched updates are prepared while the rollups are still empty; a
			// generic plan made then (a scan) would be kept for the whole build
			// (BENCHMARKS.md, S4)
			this.jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
			this.repository.clearAll(false);
		}
		else {
			// emptied without keeping what was deleted until the end of a transaction
			this.repository.clearAll(true);
		}
		step(this::volunteers);
		step(this::organizations);
		step(this::activities);
		service();
		step(() -> this.repository.markBuilt(OffsetDateTime.now(ZoneOffset.UTC)));
	}

	/**
	 * One step of the build: in the build's transaction on PostgreSQL, in a snapshot
	 * transaction of its own on H2.
	 */
	private void step(Runnable work) {
		if (isPostgreSql()) {
			work.run();
		}
		else {
			snapshot().executeWithoutResult((status) -> work.run());
		}
	}

	/**
	 * What counts of each volunteer, from the directory: read, then written a thousand
	 * rows at a time, not with {@code INSERT … SELECT}: on a Citus cluster that would
	 * read the directory's copy on a worker, in that worker's snapshot, while the outbox
	 * rows it drops are the coordinator's (docs/scale-out.md).
	 */
	private void volunteers() {
		List<Object[]> states = new ArrayList<>();
		this.streaming.query(
				"SELECT id, region_code, COALESCE(gender, 'UNKNOWN'), COALESCE(CAST(EXTRACT(YEAR FROM"
						+ " birth_date) AS VARCHAR(8)), 'UNKNOWN'), status FROM volunteer",
				(RowCallbackHandler) (rs) -> {
					states.add(new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
							rs.getString(4), VolunteerStatus.ACTIVE.name().equals(rs.getString(5)) });
					if (states.size() == 1000) {
						insertRows("stat_volunteer (volunteer_id, region_code, gender, birth_year, registered)",
								states);
					}
				});
		insertRows("stat_volunteer (volunteer_id, region_code, gender, birth_year, registered)", states);
		List<Object[]> categories = new ArrayList<>();
		this.streaming.query("SELECT a.volunteer_id, a.attribute FROM volunteer_attribute a JOIN volunteer v ON v.id ="
				+ " a.volunteer_id WHERE a.kind = 'CATEGORY' AND v.status = ?", (RowCallbackHandler) (rs) -> {
					categories.add(new Object[] { rs.getObject(1, UUID.class), rs.getString(2) });
					if (categories.size() == 1000) {
						insertRows("stat_volunteer_category (volunteer_id, category)", categories);
					}
				}, VolunteerStatus.ACTIVE.name());
		insertRows("stat_volunteer_category (volunteer_id, category)", categories);
		Deltas deltas = new Deltas();
		this.jdbc
			.sql("SELECT region_code, gender, birth_year, COUNT(*) FROM stat_volunteer WHERE registered GROUP BY"
					+ " region_code, gender, birth_year")
			.query((ResultSet rs) -> {
				List<String> at = this.nodes.of(rs.getString(1));
				long count = rs.getLong(4);
				deltas.count(Figure.REGISTERED, at, Dim.TOTAL, Dim.ALL, "", count);
				deltas.count(Figure.REGISTERED, at, Dim.GENDER, rs.getString(2), "", count);
				deltas.count(Figure.REGISTERED, at, Dim.BIRTH_YEAR, rs.getString(3), "", count);
				deltas.count(Figure.REGISTERED, at, Dim.GENDER_YEAR, Dim.genderYear(rs.getString(2), rs.getString(3)),
						"", count);
			});
		this.jdbc
			.sql("SELECT v.region_code, c.category, COUNT(*) FROM stat_volunteer v JOIN stat_volunteer_category c ON"
					+ " c.volunteer_id = v.volunteer_id WHERE v.registered GROUP BY v.region_code, c.category")
			.query((ResultSet rs) -> {
				deltas.count(Figure.REGISTERED, this.nodes.of(rs.getString(1)), Dim.CATEGORY, rs.getString(2), "",
						rs.getLong(3));
			});
		this.repository.insertFresh(deltas);
		this.repository.deleteOutbox(OutboxRow.Kind.VOLUNTEER);
	}

	private void organizations() {
		Deltas deltas = new Deltas();
		List<UUID> ids = new ArrayList<>();
		List<Placed> placed = new ArrayList<>();
		this.streaming.query(
				"SELECT o.id, o.region_code, f.field FROM organization o LEFT JOIN organization_field f ON"
						+ " f.organization_id = o.id WHERE o.status = ? ORDER BY o.id, f.field",
				(RowCallbackHandler) (rs) -> {
					UUID id = rs.getObject(1, UUID.class);
					String field = rs.getString(3);
					int last = ids.size() - 1;
					if (last >= 0 && ids.get(last).equals(id)) {
						Placed before = placed.get(last);
						placed.set(last, new Placed(before.regionCode(), "",
								before.field().isEmpty() ? field : before.field() + "," + field));
					}
					else {
						ids.add(id);
						placed.add(new Placed(rs.getString(2), "", (field != null) ? field : ""));
					}
				}, OrganizationStatus.ACTIVE.name());
		for (int i = 0; i < ids.size(); i++) {
			Placed organization = placed.get(i);
			this.repository.saveOrganization(ids.get(i), organization);
			List<String> at = this.nodes.of(organization.regionCode());
			deltas.count(Figure.ORGANIZATIONS, at, Dim.TOTAL, Dim.ALL, "", 1);
			for (String field : StatisticsFold.split(organization.field())) {
				deltas.count(Figure.ORGANIZATIONS, at, Dim.FIELD, field, "", 1);
			}
		}
		this.repository.insertFresh(deltas);
		this.repository.deleteOutbox(OutboxRow.Kind.ORGANIZATION);
	}

	private void activities() {
		Deltas deltas = new Deltas();
		List<Object[]> rows = new ArrayList<>();
		this.streaming.query("SELECT id, region_code, starts_at, field, organization_id, project_id FROM activity"
				+ " WHERE status IN (" + String.join(", ", PUBLISHED.stream().map((status) -> "?").toList())
				+ ") AND cancel_reason IS NULL", (RowCallbackHandler) (rs) -> {
					String month = StatsOutbox.month(rs.getObject(3, OffsetDateTime.class));
					List<String> at = this.nodes.of(rs.getString(2));
					deltas.count(Figure.ACTIVITIES, at, Dim.TOTAL, Dim.ALL, month, 1);
					deltas.count(Figure.ACTIVITIES, at, Dim.FIELD, rs.getString(4), month, 1);
					deltas.provider(Provider.ORGANIZATION, rs.getObject(5, UUID.class), month, BigDecimal.ZERO, 0, 1);
					deltas.provider(Provider.PROJECT, rs.getObject(6, UUID.class), month, BigDecimal.ZERO, 0, 1);
					rows.add(new Object[] { rs.getObject(1, UUID.class), rs.getString(2), month, rs.getString(4) });
					if (rows.size() == 1000) {
						insertActivities(rows);
					}
				}, PUBLISHED.toArray());
		insertActivities(rows);
		this.repository.insertFresh(deltas);
		this.repository.deleteOutbox(OutboxRow.Kind.ACTIVITY);
	}

	/** Writes the rows, many to a statement, and forgets them. */
	private void insertRows(String into, List<Object[]> rows) {
		ManyRows.insert(this.streaming, into, rows);
		rows.clear();
	}

	private void insertActivities(List<Object[]> rows) {
		if (!rows.isEmpty()) {
			this.streaming.batchUpdate(
					"INSERT INTO stat_activity (activity_id, region_code, period, field) VALUES (?, ?, ?, ?)", rows);
			rows.clear();
		}
	}

	/**
	 * The counted records into the volunteers' rows of each month, a group of volunteers
	 * at a time (a month is a range of the record's start, in China's time); then each
	 * month's service and active figures from those rows, and the quarters, years and all
	 * time from the months' rows.
	 */
	private void service() {
		Span span = new Span();
		UUID after = null;
		do {
			UUID from = after;
			UUID upto = isPostgreSql() ? null : lastOfStep(from);
			step(() -> service(new Volunteers(from, upto), span));
			after = upto;
		}
		while (after != null);
		if (span.first == null) {
			return;
		}
		for (YearMonth month = span.first; !month.isAfter(span.last); month = month.plusMonths(1)) {
			String period = month.toString();
			step(() -> month(period));
		}
		for (YearMonth quarter = span.first.withMonth((span.first.getMonthValue() - 1) / 3 * 3 + 1); !quarter
			.isAfter(span.last); quarter = quarter.plusMonths(3)) {
			String key = ReportPeriod.quarterOf(quarter);
			String from = quarter.toString();
			String to = quarter.plusMonths(2).toString();
			step(() -> {
				sumMonths(key, from, to);
				active(key);
			});
		}
		for (int year = span.first.getYear(); year <= span.last.getYear(); year++) {
			String key = String.valueOf(year);
			step(() -> {
				sumMonths(key, key + "-01", key + "-12");
				active(key);
			});
		}
		step(() -> {
			this.jdbc
				.sql("INSERT INTO stat_member (volunteer_id, period, field, region_code, hours, records) SELECT"
						+ " volunteer_id, :all, field, region_code, SUM(hours), SUM(records) FROM stat_member WHERE"
						+ " CHAR_LENGTH(period) = 4 GROUP BY volunteer_id, field, region_code")
				.param("all", ReportPeriod.ALL)
				.update();
			active(ReportPeriod.ALL);
		});
	}

	/**
	 * The last of the next {@code zhiyuan.stats.build-step} volunteers after the given
	 * one ({@code null}: from the first), or {@code null} when no more than those are
	 * left.
	 */
	private UUID lastOfStep(UUID after) {
		String sql = "SELECT id FROM volunteer" + ((after != null) ? " WHERE id > :after" : "")
				+ " ORDER BY id OFFSET :skip ROWS FETCH FIRST 1 ROWS ONLY";
		var query = this.jdbc.sql(sql).param("skip", this.stepVolunteers - 1);
		if (after != null) {
			query = query.param("after", after);
		}
		UUID last = query.query(UUID.class).optional().orElse(null);
		if (last == null) {
			return null;
		}
		boolean more = this.jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM volunteer WHERE id > :last FETCH FIRST 1" + " ROWS ONLY) v")
			.param("last", last)
			.query(Long.class)
			.single() > 0;
		return more ? last : null;
	}

	/**
	 * The counted records of some volunteers into their rows of each month, over all
	 * fields and in each, and into their organizations' and projects' figures; the
	 * service rows of the outbox of those volunteers are dropped, as the records count
	 * them.
	 */
	private void service(Volunteers group, Span span) {
		// the counted reviews are asked in the select list, not in the condition, and the
		// activity's columns by its key: so that H2 reads the group's records by the
		// volunteer's index rather than every counted record or every activity's
		List<Object> spanArgs = new ArrayList<>(COUNTED_REVIEWS);
		spanArgs.addAll(COUNTED_REVIEWS);
		Optional<YearMonth[]> found = this.streaming.query(
				"SELECT MIN(CASE WHEN r.review IN (" + counted()
						+ ") THEN r.started_at END), MAX(CASE WHEN r.review IN (" + counted()
						+ ") THEN r.started_at END) FROM service_record r WHERE 1 = 1"
						+ group.where("r.volunteer_id", spanArgs),
				(rs) -> rs.next() && rs.getObject(1) != null
						? Optional.of(new YearMonth[] {
								YearMonth.parse(StatsOutbox.month(rs.getObject(1, OffsetDateTime.class))),
								YearMonth.parse(StatsOutbox.month(rs.getObject(2, OffsetDateTime.class))) })
						: Optional.<YearMonth[]>empty(),
				spanArgs.toArray());
		if (found.isPresent()) {
			YearMonth first = found.get()[0];
			YearMonth last = found.get()[1];
			span.add(first, last);
			Months months = new Months(first, last);
			List<Object> args = new ArrayList<>();
			String period = months.positional("r.started_at", args);
			args.addAll(COUNTED_REVIEWS);
			args.addAll(COUNTED_REVIEWS);
			String where = group.where("r.volunteer_id", args);
			this.streaming.update("INSERT INTO stat_member (volunteer_id, period, field, region_code, hours, records)"
					+ " SELECT volunteer_id, period, field, region_code, SUM(hours), COUNT(counted) FROM (SELECT"
					+ " r.volunteer_id, " + period + " AS period, (SELECT a.field FROM activity a WHERE a.id ="
					+ " r.activity_id) AS field, r.volunteer_region_code AS region_code, CASE WHEN r.review IN ("
					+ counted() + ") THEN r.effective_hours END AS hours, CASE WHEN r.review IN (" + counted()
					+ ") THEN 1 END AS counted FROM service_record r WHERE 1 = 1" + where
					+ ") x GROUP BY volunteer_id, period, field, region_code HAVING COUNT(counted) > 0",
					args.toArray());
			List<Object> ownArgs = new ArrayList<>();
			String own = group.where("volunteer_id", ownArgs);
			this.streaming.update("INSERT INTO stat_member (volunteer_id, period, field, region_code, hours, records)"
					+ " SELECT volunteer_id, period, '*', region_code, SUM(hours), SUM(records) FROM stat_member"
					+ " WHERE 1 = 1" + own + " GROUP BY volunteer_id, period, region_code", ownArgs.toArray());
			providers(months, group);
		}
		List<Object> outboxArgs = new ArrayList<>();
		this.streaming.update("DELETE FROM stat_service_outbox WHERE 1 = 1" + group.where("volunteer_id", outboxArgs),
				outboxArgs.toArray());
	}

	/** A quarter's or year's rows of each volunteer from their months' rows. */
	private void sumMonths(String period, String from, String to) {
		this.jdbc
			.sql("INSERT INTO stat_member (volunteer_id, period, field, region_code, hours, records) SELECT"
					+ " volunteer_id, :period, field, region_code, SUM(hours), SUM(records) FROM stat_member WHERE"
					+ " period >= :from AND period <= :to AND CHAR_LENGTH(period) = 7 GROUP BY volunteer_id, field,"
					+ " region_code")
			.param("period", period)
			.param("from", from)
			.param("to", to)
			.update();
	}

	private static String counted() {
		return String.join(", ", Collections.nCopies(COUNTED_REVIEWS.size(), "?"));
	}

	/**
	 * The volunteers after one and up to another, by the order of their ids
	 * ({@code null}: without that end).
	 */
	private record Volunteers(UUID after, UUID upto) {

		/** The condition on the given column, its values added in their order. */
		String where(String column, List<Object> args) {
			StringBuilder sql = new StringBuilder();
			if (this.after != null) {
				sql.append(" AND ").append(column).append(" > ?");
				args.add(this.after);
			}
			if (this.upto != null) {
				sql.append(" AND ").append(column).append(" <= ?");
				args.add(this.upto);
			}
			return sql.toString();
		}

	}

	/** The first and last month of the records read so far. */
	private static final class Span {

		private YearMonth first;

		private YearMonth last;

		void add(YearMonth from, YearMonth to) {
			this.first = (this.first == null || from.isBefore(this.first)) ? from : this.first;
			this.last = (this.last == null || to.isAfter(this.last)) ? to : this.last;
		}

	}

	/** A month's service figures and active volunteers from its volunteers' rows. */
	private void month(String period) {
		Deltas deltas = new Deltas();
		this.jdbc
			.sql("SELECT m.region_code, COALESCE(v.gender, 'UNKNOWN'), COALESCE(v.birth_year, 'UNKNOWN'), SUM(m.hours),"
					+ " SUM(m.records) FROM stat_member m LEFT JOIN stat_volunteer v ON v.volunteer_id = m.volunteer_id"
					+ " WHERE m.period = :period AND m.field = '*' GROUP BY m.region_code, COALESCE(v.gender,"
					+ " 'UNKNOWN'), COALESCE(v.birth_year, 'UNKNOWN')")
			.param("period", period)
			.query((ResultSet rs) -> {
				List<String> at = this.nodes.of(rs.getString(1));
				BigDecimal hours = rs.getBigDecimal(4);
				long records = rs.getLong(5);
				deltas.service(at, Dim.TOTAL, Dim.ALL, period, hours, records);
				deltas.service(at, Dim.GENDER, rs.getString(2), period, hours, records);
				deltas.service(at, Dim.BIRTH_YEAR, rs.getString(3), period, hours, records);
			});
		this.jdbc
			.sql("SELECT m.region_code, c.category, SUM(m.hours), SUM(m.records) FROM stat_member m JOIN"
					+ " stat_volunteer_category c ON c.volunteer_id = m.volunteer_id WHERE m.period = :period AND"
					+ " m.field = '*' GROUP BY m.region_code, c.category")
			.param("period", period)
			.query((ResultSet rs) -> {
				deltas.service(this.nodes.of(rs.getString(1)), Dim.CATEGORY, rs.getString(2), period,
						rs.getBigDecimal(3), rs.getLong(4));
			});
		this.jdbc
			.sql("SELECT region_code, field, SUM(hours), SUM(records) FROM stat_member WHERE period = :period AND"
					+ " field <> '*' GROUP BY region_code, field")
			.param("period", period)
			.query((ResultSet rs) -> {
				deltas.service(this.nodes.of(rs.getString(1)), Dim.FIELD, rs.getString(2), period, rs.getBigDecimal(3),
						rs.getLong(4));
			});
		this.repository.insertFresh(deltas);
		active(period);
	}

	/**
	 * The counted records of some volunteers by the organization and project of their
	 * activity and by month, in one pass, written month by month.
	 */
	private void providers(Months months, Volunteers group) {
		Deltas deltas = new Deltas();
		String[] current = { null };
		List<Object> args = new ArrayList<>();
		String period = months.positional("r.started_at", args);
		args.addAll(COUNTED_REVIEWS);
		args.addAll(COUNTED_REVIEWS);
		String where = group.where("r.volunteer_id", args);
		this.streaming.query("SELECT organization_id, project_id, period, SUM(hours), COUNT(counted) FROM (SELECT"
				+ " (SELECT a.organization_id FROM activity a WHERE a.id = r.activity_id) AS organization_id, (SELECT"
				+ " a.project_id FROM activity a WHERE a.id = r.activity_id) AS project_id, " + period
				+ " AS period, CASE WHEN r.review IN (" + counted() + ") THEN r.effective_hours END AS hours, CASE"
				+ " WHEN r.review IN (" + counted() + ") THEN 1 END AS counted FROM service_record r WHERE 1 = 1"
				+ where + ") x GROUP BY organization_id, project_id, period HAVING COUNT(counted) > 0 ORDER BY period",
				(RowCallbackHandler) (rs) -> {
					String month = rs.getString(3);
					if (current[0] != null && !current[0].equals(month)) {
						this.repository.insertFresh(deltas);
					}
					current[0] = month;
					BigDecimal hours = rs.getBigDecimal(4);
					long records = rs.getLong(5);
					deltas.provider(Provider.ORGANIZATION, rs.getObject(1, UUID.class), month, hours, records, 0);
					deltas.provider(Provider.PROJECT, rs.getObject(2, UUID.class), month, hours, records, 0);
				}, args.toArray());
		this.repository.insertFresh(deltas);
	}

	/**
	 * The months from the first to the last as an SQL expression of a timestamp: its
	 * month ({@code yyyy-MM} in China's time), by comparisons with each month's end
	 * (bound parameters {@code b0}, {@code b1}, …), years first.
	 */
	private static final class Months {

		private final StringBuilder sql = new StringBuilder();

		private final Map<String, Object> bounds = new LinkedHashMap<>();

		Months(YearMonth first, YearMonth last) {
			StringBuilder outer = new StringBuilder("CASE");
			for (int year = first.getYear(); year <= last.getYear(); year++) {
				YearMonth from = YearMonth.of(year, (year == first.getYear()) ? first.getMonthValue() : 1);
				YearMonth to = YearMonth.of(year, (year == last.getYear()) ? last.getMonthValue() : 12);
				String inner = months(from, to);
				if (first.getYear() == last.getYear()) {
					this.sql.append(inner);
					return;
				}
				outer.append((year < last.getYear()) ? " WHEN @ < :" + bound(to.plusMonths(1)) + " THEN " : " ELSE ")
					.append(inner);
			}
			this.sql.append(outer).append(" END");
		}

		private String months(YearMonth from, YearMonth to) {
			if (from.equals(to)) {
				return "'" + to + "'";
			}
			StringBuilder inner = new StringBuilder("CASE");
			for (YearMonth month = from; month.isBefore(to); month = month.plusMonths(1)) {
				inner.append(" WHEN @ < :")
					.append(bound(month.plusMonths(1)))
					.append(" THEN '")
					.append(month)
					.append("'");
			}
			return inner.append(" ELSE '").append(to).append("' END").toString();
		}

		/**
		 * The expression with positional parameters, whose values are added in their
		 * order.
		 */
		String positional(String column, List<Object> args) {
			Matcher names = Pattern.compile(":(b[0-9]+)").matcher(of(column));
			StringBuilder sql = new StringBuilder();
			while (names.find()) {
				args.add(this.bounds.get(names.group(1)));
				names.appendReplacement(sql, "?");
			}
			names.appendTail(sql);
			return sql.toString();
		}

		private String bound(YearMonth month) {
			String name = "b" + this.bounds.size();
			this.bounds.put(name, month.atDay(1).atStartOfDay(ReportPeriod.CHINA).toOffsetDateTime());
			return name;
		}

		String of(String column) {
			return this.sql.toString().replace("@", column);
		}

	}

	/**
	 * The active volunteers of a period from the volunteers' rows: each volunteer once at
	 * every node that any of their regions lies in, over all fields and in each field,
	 * under their gender, birth year and categories.
	 */
	private void active(String period) {
		Deltas deltas = new Deltas();
		Group group = new Group();
		this.streaming.query("SELECT m.volunteer_id, m.field, m.region_code, COALESCE(v.gender, 'UNKNOWN'),"
				+ " COALESCE(v.birth_year, 'UNKNOWN') FROM stat_member m LEFT JOIN stat_volunteer v ON v.volunteer_id ="
				+ " m.volunteer_id WHERE m.period = ? AND m.records > 0 ORDER BY m.volunteer_id, m.field",
				(RowCallbackHandler) (rs) -> {
					if (!group.is(rs.getObject(1, UUID.class), rs.getString(2))) {
						group.close((g) -> active(g, period, deltas));
						group.open(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(4), rs.getString(5));
					}
					group.regions.add(rs.getString(3));
				}, period);
		group.close((g) -> active(g, period, deltas));
		this.streaming.query("SELECT m.volunteer_id, c.category, m.region_code FROM stat_member m JOIN"
				+ " stat_volunteer_category c ON c.volunteer_id = m.volunteer_id WHERE m.period = ? AND m.field = '*'"
				+ " AND m.records > 0 ORDER BY m.volunteer_id, c.category", (RowCallbackHandler) (rs) -> {
					if (!group.is(rs.getObject(1, UUID.class), rs.getString(2))) {
						group.close((g) -> deltas.count(Figure.ACTIVE, this.nodes.ofAll(g.regions), Dim.CATEGORY, g.key,
								period, 1));
						group.open(rs.getObject(1, UUID.class), rs.getString(2), null, null);
					}
					group.regions.add(rs.getString(3));
				}, period);
		group.close((g) -> deltas.count(Figure.ACTIVE, this.nodes.ofAll(g.regions), Dim.CATEGORY, g.key, period, 1));
		this.repository.insertFresh(deltas);
	}

	private void active(Group group, String period, Deltas deltas) {
		Set<String> covered = this.nodes.ofAll(group.regions);
		if (Dim.ALL.equals(group.key)) {
			deltas.count(Figure.ACTIVE, covered, Dim.TOTAL, Dim.ALL, period, 1);
			deltas.count(Figure.ACTIVE, covered, Dim.GENDER, group.gender, period, 1);
			deltas.count(Figure.ACTIVE, covered, Dim.BIRTH_YEAR, group.birthYear, period, 1);
		}
		else {
			deltas.count(Figure.ACTIVE, covered, Dim.FIELD, group.key, period, 1);
		}
	}

	/** The rows of one volunteer and key while they stream past. */
	private static final class Group {

		private UUID volunteerId;

		private String key;

		private String gender;

		private String birthYear;

		private final Set<String> regions = new LinkedHashSet<>();

		boolean is(UUID volunteer, String otherKey) {
			return volunteer.equals(this.volunteerId) && otherKey.equals(this.key);
		}

		void open(UUID volunteer, String newKey, String newGender, String newBirthYear) {
			this.volunteerId = volunteer;
			this.key = newKey;
			this.gender = newGender;
			this.birthYear = newBirthYear;
			this.regions.clear();
		}

		void close(GroupAction action) {
			if (this.volunteerId != null && !this.regions.isEmpty()) {
				action.apply(this);
			}
			this.volunteerId = null;
			this.regions.clear();
		}

	}

	@FunctionalInterface
	private interface GroupAction {

		void apply(Group group);

	}

}
