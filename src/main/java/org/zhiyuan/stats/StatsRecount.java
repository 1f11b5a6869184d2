package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zhiyuan.organization.OrganizationStatus;
import org.zhiyuan.region.Regions;
import org.zhiyuan.volunteer.VolunteerStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts a region's figures again from the facts themselves, with plain SQL that shares
 * nothing with the rollups but the rules: registered volunteers and their categories,
 * active organizations and their fields, published activities that were not cancelled by
 * month of start, and counted records by month (hours and records) and by month, year and
 * all time (distinct volunteers), in the region the volunteer lived in when each record
 * was written. Ages, genders and categories are the volunteers' as they are now.
 */
@Component
class StatsRecount {

	private final JdbcClient jdbc;

	StatsRecount(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of the region and everything within it. */
	Figures within(String regionCode) {
		return count(new Scope(" LIKE :scope", Regions.prefixOf(regionCode) + "%"));
	}

	/** The figures of facts held at the region itself, none below it. */
	Figures at(String regionCode) {
		return count(new Scope(" = :scope", regionCode));
	}

	private Figures count(Scope scope) {
		Figures figures = new Figures();
		registered(scope, figures);
		organizations(scope, figures);
		activities(scope, figures);
		service(scope, figures);
		return figures;
	}

	private void registered(Scope scope, Figures figures) {
		this.jdbc
			.sql("SELECT gender, EXTRACT(YEAR FROM birth_date), COUNT(*) FROM volunteer WHERE status = :registered AND"
					+ " region_code" + scope.condition() + " GROUP BY gender, EXTRACT(YEAR FROM birth_date)")
			.param("registered", VolunteerStatus.ACTIVE.name())
			.param("scope", scope.value())
			.query((ResultSet rs) -> {
				long count = rs.getLong(3);
				figures.add(Figure.REGISTERED, Dim.TOTAL, Dim.ALL, "", count);
				figures.add(Figure.REGISTERED, Dim.GENDER, orUnknown(rs.getString(1)), "", count);
				figures.add(Figure.REGISTERED, Dim.BIRTH_YEAR, year(rs.getObject(2)), "", count);
				figures.add(Figure.REGISTERED, Dim.GENDER_YEAR,
						Dim.genderYear(orUnknown(rs.getString(1)), year(rs.getObject(2))), "", count);
			});
		this.jdbc
			.sql("SELECT a.attribute, COUNT(*) FROM volunteer v JOIN volunteer_attribute a ON a.volunteer_id = v.id AND"
					+ " a.kind = 'CATEGORY' WHERE v.status = :registered AND v.region_code" + scope.condition()
					+ " GROUP BY a.attribute")
			.param("registered", VolunteerStatus.ACTIVE.name())
			.param("scope", scope.value())
			.query((ResultSet rs) -> {
				figures.add(Figure.REGISTERED, Dim.CATEGORY, rs.getString(1), "", rs.getLong(2));
			});
	}

	private void organizations(Scope scope, Figures figures) {
		figures.add(Figure.ORGANIZATIONS, Dim.TOTAL, Dim.ALL, "",
				this.jdbc
					.sql("SELECT COUNT(*) FROM organization WHERE status = :active AND region_code" + scope.condition())
					.param("active", OrganizationStatus.ACTIVE.name())
					.param("scope", scope.value())
					.query(Long.class)
					.single());
		this.jdbc
			.sql("SELECT f.field, COUNT(*) FROM organization o JOIN organization_field f ON f.organization_id = o.id"
					+ " WHERE o.status = :active AND o.region_code" + scope.condition() + " GROUP BY f.field")
			.param("active", OrganizationStatus.ACTIVE.name())
			.param("scope", scope.value())
			.query((ResultSet rs) -> {
				figures.add(Figure.ORGANIZATIONS, Dim.FIELD, rs.getString(1), "", rs.getLong(2));
			});
	}

	private void activities(Scope scope, Figures figures) {
		this.jdbc
			.sql("SELECT starts_at, field FROM activity WHERE status IN (:published) AND cancel_reason IS NULL AND"
					+ " region_code" + scope.condition())
			.param("published", StatsRebuild.PUBLISHED)
			.param("scope", scope.value())
			.query((ResultSet rs) -> {
				String month = StatsOutbox.month(rs.getObject(1, OffsetDateTime.class));
				figures.add(Figure.ACTIVITIES, Dim.TOTAL, Dim.ALL, month, 1);
				figures.add(Figure.ACTIVITIES, Dim.FIELD, rs.getString(2), month, 1);
			});
	}

	/**
	 * Counted records window by window: each month (hours, records and distinct
	 * volunteers), each calendar year and all time (distinct volunteers).
	 */
	private void service(Scope scope, Figures figures) {
		Optional<YearMonth[]> span = this.jdbc
			.sql("SELECT MIN(started_at), MAX(started_at) FROM service_record WHERE review IN (:counted) AND"
					+ " volunteer_region_code" + scope.condition())
			.param("counted", StatsRebuild.COUNTED_REVIEWS)
			.param("scope", scope.value())
			.query((rs,
					n) -> (rs.getObject(1) != null) ? new YearMonth[] {
							YearMonth.parse(StatsOutbox.month(rs.getObject(1, OffsetDateTime.class))),
							YearMonth.parse(StatsOutbox.month(rs.getObject(2, OffsetDateTime.class))) } : null)
			.optional();
		if (span.isEmpty()) {
			return;
		}
		YearMonth first = span.get()[0];
		YearMonth last = span.get()[1];
		List<Window> windows = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			windows.add(new Window(month.toString(), month, month, true));
		}
		for (YearMonth quarter = first.withMonth((first.getMonthValue() - 1) / 3 * 3 + 1); !quarter
			.isAfter(last); quarter = quarter.plusMonths(3)) {
			windows.add(new Window(ReportPeriod.quarterOf(quarter), quarter, quarter.plusMonths(2), false));
		}
		for (int year = first.getYear(); year <= last.getYear(); year++) {
			windows.add(new Window(String.valueOf(year), YearMonth.of(year, 1), YearMonth.of(year, 12), false));
		}
		windows.add(new Window(ReportPeriod.ALL, first, last, false));
		for (Window window : windows) {
			window(scope, window, figures);
		}
	}

	private void window(Scope scope, Window window, Figures figures) {
		String where = " WHERE r.review IN (:counted) AND r.volunteer_region_code" + scope.condition()
				+ " AND r.started_at >= :from AND r.started_at < :until";
		OffsetDateTime from = window.from().atDay(1).atStartOfDay(ReportPeriod.CHINA).toOffsetDateTime();
		OffsetDateTime until = window.to().plusMonths(1).atDay(1).atStartOfDay(ReportPeriod.CHINA).toOffsetDateTime();
		String period = window.period();
		this.jdbc
			.sql("SELECT v.gender, EXTRACT(YEAR FROM v.birth_date), SUM(r.effective_hours), COUNT(*), COUNT(DISTINCT"
					+ " r.volunteer_id) FROM service_record r JOIN volunteer v ON v.id = r.volunteer_id" + where
					+ " GROUP BY v.gender, EXTRACT(YEAR FROM v.birth_date)")
			.param("counted", StatsRebuild.COUNTED_REVIEWS)
			.param("scope", scope.value())
			.param("from", from)
			.param("until", until)
			.query((ResultSet rs) -> {
				String gender = orUnknown(rs.getString(1));
				String birthYear = year(rs.getObject(2));
				if (window.month()) {
					for (Dim dim : List.of(Dim.TOTAL, Dim.GENDER, Dim.BIRTH_YEAR)) {
						String key = (dim == Dim.TOTAL) ? Dim.ALL : (dim == Dim.GENDER) ? gender : birthYear;
						figures.add(Figure.HOURS, dim, key, period, rs.getBigDecimal(3));
						figures.add(Figure.RECORDS, dim, key, period, rs.getLong(4));
					}
				}
				figures.add(Figure.ACTIVE, Dim.TOTAL, Dim.ALL, period, rs.getLong(5));
				figures.add(Figure.ACTIVE, Dim.GENDER, gender, period, rs.getLong(5));
				figures.add(Figure.ACTIVE, Dim.BIRTH_YEAR, birthYear, period, rs.getLong(5));
			});
		this.jdbc.sql(
				"SELECT a.field, SUM(r.effective_hours), COUNT(*), COUNT(DISTINCT r.volunteer_id) FROM service_record r"
						+ " JOIN activity a ON a.id = r.activity_id" + where + " GROUP BY a.field")
			.param("counted", StatsRebuild.COUNTED_REVIEWS)
			.param("scope", scope.value())
			.param("from", from)
			.param("until", until)
			.query((ResultSet rs) -> {
				keyed(figures, window, Dim.FIELD, rs);
			});
		this.jdbc
			.sql("SELECT c.attribute, SUM(r.effective_hours), COUNT(*), COUNT(DISTINCT r.volunteer_id) FROM"
					+ " service_record r JOIN volunteer_attribute c ON c.volunteer_id = r.volunteer_id AND c.kind ="
					+ " 'CATEGORY'" + where + " GROUP BY c.attribute")
			.param("counted", StatsRebuild.COUNTED_REVIEWS)
			.param("scope", scope.value())
			.param("from", from)
			.param("until", until)
			.query((ResultSet rs) -> {
				keyed(figures, window, Dim.CATEGORY, rs);
			});
	}

	private static void keyed(Figures figures, Window window, Dim dim, ResultSet rs) throws java.sql.SQLException {
		if (window.month()) {
			figures.add(Figure.HOURS, dim, rs.getString(1), window.period(), rs.getBigDecimal(2));
			figures.add(Figure.RECORDS, dim, rs.getString(1), window.period(), rs.getLong(3));
		}
		figures.add(Figure.ACTIVE, dim, rs.getString(1), window.period(), rs.getLong(4));
	}

	private static String orUnknown(String text) {
		return (text != null) ? text : Dim.UNKNOWN;
	}

	/**
	 * A year as the database gives it (an integer or a numeric), as the rollups key it.
	 */
	private static String year(Object value) {
		if (value == null) {
			return Dim.UNKNOWN;
		}
		return (value instanceof BigDecimal decimal) ? decimal.toBigInteger().toString()
				: String.valueOf(((Number) value).longValue());
	}

	/** Which facts count: a region and everything within it, or the region alone. */
	private record Scope(String condition, String value) {

	}

	/** A span of months counted together, under one period of the rollups. */
	private record Window(String period, YearMonth from, YearMonth to, boolean month) {

	}

}
