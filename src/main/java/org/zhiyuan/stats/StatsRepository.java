package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.zhiyuan.stats.Deltas.Change;
import org.zhiyuan.stats.Deltas.ProviderRow;
import org.zhiyuan.stats.Deltas.Row;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statistics' own tables: the outbox, what has been folded of each subject, and the
 * rollups. Only the fold and the rebuild write the rollups, one at a time (they hold
 * {@link #lockFold}), so that an update followed by an insert where no row was updated is
 * a safe upsert on every database.
 */
@Repository
class StatsRepository {

	/** A period no month is before, and one no month is after. */
	static final String FIRST = "0000-00";

	static final String LAST = "9999-99";

	/** Rows of a build written by one statement. */
	private static final int FRESH_ROWS = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	StatsRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	// the fold's lock

	/**
	 * Takes the fold's lock until the transaction ends, and tells when the rollups were
	 * built from the facts ({@code null}: not yet).
	 */
	Optional<OffsetDateTime> lockFold() {
		return this.jdbc.sql("SELECT built_at FROM stat_fold WHERE name = 'rollups' FOR UPDATE")
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.single();
	}

	/**
	 * When the rollups were last built from the facts, read without waiting for the
	 * fold's lock ({@code null}: not yet, or being built again).
	 */
	Optional<OffsetDateTime> builtAt() {
		return this.jdbc.sql("SELECT built_at FROM stat_fold WHERE name = 'rollups'")
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.single();
	}

	void markBuilt(OffsetDateTime at) {
		this.jdbc.sql("UPDATE stat_fold SET built_at = :at WHERE name = 'rollups'").param("at", at).update();
	}

	/**
	 * Empties every table of the statistics but the outbox, for a rebuild: by deleting
	 * their rows in the caller's transaction, or by truncating them, which H2 does at
	 * once and outside any transaction.
	 */
	void clearAll(boolean truncate) {
		for (String table : List.of("stat_volunteer", "stat_volunteer_category", "stat_member", "stat_activity",
				"stat_organization", "stat_registered", "stat_organizations", "stat_activities", "stat_service",
				"stat_active", "stat_provider")) {
			this.jdbc.sql((truncate ? "TRUNCATE TABLE " : "DELETE FROM ") + table).update();
		}
	}

	/** Drops the outbox rows of one kind, which a rebuild counts from the facts. */
	void deleteOutbox(OutboxRow.Kind kind) {
		if (kind == OutboxRow.Kind.SERVICE) {
			this.jdbc.sql("DELETE FROM stat_service_outbox").update();
			return;
		}
		this.jdbc.sql("DELETE FROM stat_outbox WHERE kind = :kind").param("kind", kind.name()).update();
	}

	// the outbox

	/**
	 * Writes an outbox row: a record's change beside the record (keyed by its volunteer),
	 * the others beside the directory.
	 */
	void insertOutbox(OutboxRow row, OffsetDateTime now) {
		boolean service = row.kind() == OutboxRow.Kind.SERVICE;
		this.jdbc
			.sql(service ? "INSERT INTO stat_service_outbox (subject_id, volunteer_id, region_code, gender, birth_year,"
					+ " attributes, field, period, counted, hours_before, hours_after, organization_id, project_id,"
					+ " created_at) VALUES (:subject, :volunteer, :region, :gender, :birthYear, :attributes, :field,"
					+ " :period, :counted, :before, :after, :organization, :project, :now)"
					: "INSERT INTO stat_outbox (kind, subject_id, volunteer_id, region_code, gender, birth_year,"
							+ " attributes, field, period, counted, hours_before, hours_after, organization_id,"
							+ " project_id, created_at) VALUES (:kind, :subject, :volunteer, :region, :gender,"
							+ " :birthYear, :attributes, :field, :period, :counted, :before, :after, :organization,"
							+ " :project, :now)")
			.param("kind", row.kind().name())
			.param("subject", row.subjectId())
			.param("volunteer", row.volunteerId())
			.param("region", row.regionCode())
			.param("gender", row.gender())
			.param("birthYear", row.birthYear())
			.param("attributes", row.attributes())
			.param("field", row.field())
			.param("period", row.period())
			.param("counted", row.counted())
			.param("before", row.hoursBefore())
			.param("after", row.hoursAfter())
			.param("organization", row.organizationId())
			.param("project", row.projectId())
			.param("now", now)
			.update();
	}

	/**
	 * The oldest rows of the outbox, in order: those of volunteers, activities and
	 * organizations first, so that a record's change is folded under the keys its
	 * volunteer counts under by then, then the records' changes.
	 */
	List<OutboxRow> nextOutbox(int limit) {
		List<OutboxRow> rows = new ArrayList<>(this.jdbc
			.sql("SELECT id, kind, subject_id, volunteer_id, region_code, gender, birth_year, attributes, field, period,"
					+ " counted, hours_before, hours_after, organization_id, project_id FROM stat_outbox ORDER BY id"
					+ " LIMIT :limit")
			.param("limit", limit)
			.query(StatsRepository::outboxRow)
			.list());
		if (rows.size() < limit) {
			rows.addAll(this.jdbc
				.sql("SELECT id, 'SERVICE' AS kind, subject_id, volunteer_id, region_code, gender, birth_year,"
						+ " attributes, field, period, counted, hours_before, hours_after, organization_id, project_id"
						+ " FROM stat_service_outbox ORDER BY id LIMIT :limit")
				.param("limit", limit - rows.size())
				.query(StatsRepository::outboxRow)
				.list());
		}
		return rows;
	}

	void deleteOutbox(List<OutboxRow> rows) {
		List<Long> service = rows.stream()
			.filter((row) -> row.kind() == OutboxRow.Kind.SERVICE)
			.map(OutboxRow::id)
			.toList();
		List<Long> others = rows.stream()
			.filter((row) -> row.kind() != OutboxRow.Kind.SERVICE)
			.map(OutboxRow::id)
			.toList();
		if (!service.isEmpty()) {
			this.jdbc.sql("DELETE FROM stat_service_outbox WHERE id IN (:ids)").param("ids", service).update();
		}
		if (!others.isEmpty()) {
			this.jdbc.sql("DELETE FROM stat_outbox WHERE id IN (:ids)").param("ids", others).update();
		}
	}

	long outboxSize() {
		return this.jdbc.sql("SELECT COUNT(*) FROM stat_outbox").query(Long.class).single()
				+ this.jdbc.sql("SELECT COUNT(*) FROM stat_service_outbox").query(Long.class).single();
	}

	// what has been folded of each subject

	Optional<Placed> activity(UUID activityId) {
		return this.jdbc.sql("SELECT region_code, period, field FROM stat_activity WHERE activity_id = :id")
			.param("id", activityId)
			.query((rs, n) -> new Placed(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	void saveActivity(UUID activityId, Placed placed) {
		this.jdbc.sql("DELETE FROM stat_activity WHERE activity_id = :id").param("id", activityId).update();
		if (placed != null) {
			this.jdbc
				.sql("INSERT INTO stat_activity (activity_id, region_code, period, field) VALUES (:id, :region,"
						+ " :period, :field)")
				.param("id", activityId)
				.param("region", placed.regionCode())
				.param("period", placed.period())
				.param("field", placed.field())
				.update();
		}
	}

	Optional<Placed> organization(UUID organizationId) {
		return this.jdbc.sql("SELECT region_code, fields FROM stat_organization WHERE organization_id = :id")
			.param("id", organizationId)
			.query((rs, n) -> new Placed(rs.getString(1), "", rs.getString(2)))
			.optional();
	}

	void saveOrganization(UUID organizationId, Placed placed) {
		this.jdbc.sql("DELETE FROM stat_organization WHERE organization_id = :id").param("id", organizationId).update();
		if (placed != null) {
			this.jdbc
				.sql("INSERT INTO stat_organization (organization_id, region_code, fields) VALUES (:id, :region,"
						+ " :fields)")
				.param("id", organizationId)
				.param("region", placed.regionCode())
				.param("fields", placed.field())
				.update();
		}
	}

	// the rollups: writing

	/**
	 * Writes the gathered changes, each row once, and forgets them: the changes into
	 * {@code stat_delta} many to a statement, then into each rollup table with one
	 * {@code MERGE} (a row gains its change, or is made with it), then out of
	 * {@code stat_delta} again, all in the caller's transaction under the fold's lock.
	 */
	void flush(Deltas deltas) {
		Map<Figure, Boolean> tables = new EnumMap<>(Figure.class);
		List<Object[]> changes = new ArrayList<>();
		deltas.changes().forEach((row, change) -> {
			if (!change.isZero()) {
				tables.put(row.table(), Boolean.TRUE);
				changes.add(new Object[] { row.table().name(), row.node(), row.dim().name(), row.key(),
						row.table().periodic() ? row.period() : "", change.hours(), change.count() });
			}
		});
		if (!changes.isEmpty()) {
			ManyRows.insert(this.template, "stat_delta (figure, node, dim, dim_key, period, delta_hours, delta_count)",
					changes);
			tables.keySet().forEach(this::merge);
			this.template.update("DELETE FROM stat_delta");
		}
		flushProviders(deltas.providers());
		deltas.clear();
	}

	/** Adds the changes gathered in {@code stat_delta} to one rollup table. */
	private void merge(Figure table) {
		boolean service = table == Figure.HOURS;
		String period = table.periodic() ? " AND t.period = d.period" : "";
		String set = service ? "hours = t.hours + d.delta_hours, records = t.records + d.delta_count"
				: table.column() + " = t." + table.column() + " + d.delta_count";
		String columns = "node, dim, dim_key" + (table.periodic() ? ", period" : "")
				+ (service ? ", hours, records" : ", " + table.column());
		String values = "d.node, d.dim, d.dim_key" + (table.periodic() ? ", d.period" : "")
				+ (service ? ", d.delta_hours, d.delta_count" : ", d.delta_count");
		this.template.update("MERGE INTO " + table.table() + " t USING (SELECT node, dim, dim_key, period, delta_hours,"
				+ " delta_count FROM stat_delta WHERE figure = ?) d ON t.node = d.node AND t.dim = d.dim AND t.dim_key ="
				+ " d.dim_key" + period + " WHEN MATCHED THEN UPDATE SET " + set + " WHEN NOT MATCHED THEN INSERT ("
				+ columns + ") VALUES (" + values + ")", table.name());
	}

	/**
	 * Writes a build's changes to rollup rows that do not exist yet (the build empties
	 * the tables first and gives each row its whole value at once), many rows to a
	 * statement; the providers' rows, which each month of the build adds to, are written
	 * as {@link #flush} writes them.
	 */
	void insertFresh(Deltas deltas) {
		Map<Figure, List<Map.Entry<Row, Change>>> byTable = new HashMap<>();
		for (Map.Entry<Row, Change> entry : deltas.changes().entrySet()) {
			if (!entry.getValue().isZero()) {
				byTable.computeIfAbsent(entry.getKey().table(), (table) -> new ArrayList<>()).add(entry);
			}
		}
		byTable.forEach(this::insertFresh);
		flushProviders(deltas.providers());
		deltas.clear();
	}

	private void insertFresh(Figure table, List<Map.Entry<Row, Change>> entries) {
		boolean service = table == Figure.HOURS;
		String columns = service ? "stat_service (hours, records, node, dim, dim_key, period)" : table.table() + " ("
				+ table.column() + ", node, dim, dim_key" + (table.periodic() ? ", period" : "") + ")";
		int width = (service ? 2 : 1) + 3 + (table.periodic() ? 1 : 0);
		String tuple = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
		for (int from = 0; from < entries.size(); from += FRESH_ROWS) {
			List<Map.Entry<Row, Change>> chunk = entries.subList(from, Math.min(entries.size(), from + FRESH_ROWS));
			List<Object> args = new ArrayList<>(chunk.size() * width);
			for (Map.Entry<Row, Change> entry : chunk) {
				args.addAll(Arrays.asList(arguments(entry.getKey(), entry.getValue(), service)));
			}
			this.template.update(
					"INSERT INTO " + columns + " VALUES " + String.join(", ", Collections.nCopies(chunk.size(), tuple)),
					args.toArray());
		}
	}

	private void flushProviders(Map<ProviderRow, Change> changes) {
		List<Object[]> updates = new ArrayList<>();
		List<ProviderRow> rows = new ArrayList<>();
		changes.forEach((row, change) -> {
			if (!change.isZero()) {
				rows.add(row);
				updates.add(new Object[] { change.hours(), change.count(), change.activities(), row.kind().name(),
						row.providerId(), row.period() });
			}
		});
		if (rows.isEmpty()) {
			return;
		}
		String update = "UPDATE stat_provider SET hours = hours + ?, records = records + ?, activities = activities"
				+ " + ? WHERE kind = ? AND provider_id = ? AND period = ?";
		int[] updated = this.template.batchUpdate(update, updates);
		List<Object[]> inserts = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (updated[i] == 0 || (updated[i] < 0 && this.template.update(update, updates.get(i)) == 0)) {
				inserts.add(updates.get(i));
			}
		}
		if (!inserts.isEmpty()) {
			this.template
				.batchUpdate("INSERT INTO stat_provider (hours, records, activities, kind, provider_id, period)"
						+ " VALUES (?, ?, ?, ?, ?, ?)", inserts);
		}
	}

	private static Object[] arguments(Row row, Change change, boolean service) {
		List<Object> args = new ArrayList<>(6);
		if (service) {
			args.add(change.hours());
		}
		args.add(change.count());
		args.add(row.node());
		args.add(row.dim().name());
		args.add(row.key());
		if (row.table().periodic()) {
			args.add(row.period());
		}
		return args.toArray();
	}

	// the rollups: reading

	/**
	 * A figure of one node by key, summed over the months from {@code from} to {@code to}
	 * for dated figures ({@code null}: open), at the given period for active volunteers.
	 */
	Map<String, BigDecimal> byKey(Figure figure, String node, Dim dim, String from, String to) {
		String where = " WHERE node = :node AND dim = :dim" + periodClause(figure);
		Map<String, BigDecimal> values = new HashMap<>();
		this.jdbc
			.sql("SELECT dim_key, SUM(" + figure.column() + ") FROM " + figure.table() + where + " GROUP BY dim_key")
			.param("node", node)
			.param("dim", dim.name())
			.param("from", (from != null) ? from : FIRST)
			.param("to", (to != null) ? to : LAST)
			.query((ResultSet rs) -> {
				values.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return values;
	}

	/**
	 * A node's headline figures in one round trip: registered volunteers and active
	 * organizations today, activities and hours summed over the months from {@code from}
	 * to {@code to} ({@code null}: open), active volunteers at the rollups' period
	 * {@code activeKey} (none when {@code null}: counted elsewhere), and whether the
	 * rollups are built.
	 */
	Totals totals(String node, String from, String to, String activeKey) {
		String months = " AND period >= :from AND period <= :to";
		Map<String, BigDecimal> values = new HashMap<>();
		this.jdbc
			.sql("SELECT 'R', SUM(volunteers) FROM stat_registered WHERE node = :node AND dim = 'TOTAL' UNION ALL"
					+ " SELECT 'O', SUM(organizations) FROM stat_organizations WHERE node = :node AND dim = 'TOTAL'"
					+ " UNION ALL SELECT 'A', SUM(activities) FROM stat_activities WHERE node = :node AND dim = 'TOTAL'"
					+ months + " UNION ALL SELECT 'H', SUM(hours) FROM stat_service WHERE node = :node AND dim ="
					+ " 'TOTAL'" + months + " UNION ALL SELECT 'V', SUM(volunteers) FROM stat_active WHERE node ="
					+ " :node AND dim = 'TOTAL' AND period = :key UNION ALL SELECT 'B', CASE WHEN built_at IS NULL"
					+ " THEN 0 ELSE 1 END FROM stat_fold WHERE name = 'rollups'")
			.param("node", node)
			.param("from", (from != null) ? from : FIRST)
			.param("to", (to != null) ? to : LAST)
			.param("key", (activeKey != null) ? activeKey : "")
			.query((ResultSet rs) -> {
				values.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return new Totals(count(values.get("R")), count(values.get("O")), count(values.get("A")),
				(values.get("H") != null) ? values.get("H") : BigDecimal.ZERO,
				(activeKey != null) ? count(values.get("V")) : null, count(values.get("B")) == 1);
	}

	private static long count(BigDecimal value) {
		return (value != null) ? value.longValue() : 0;
	}

	/** A figure's total at each of the nodes, as {@link #byKey}. */
	Map<String, BigDecimal> byNode(Figure figure, Collection<String> nodes, String from, String to) {
		Map<String, BigDecimal> values = new HashMap<>();
		if (nodes.isEmpty()) {
			return values;
		}
		this.jdbc
			.sql("SELECT node, SUM(" + figure.column() + ") FROM " + figure.table()
					+ " WHERE node IN (:nodes) AND dim = 'TOTAL' AND dim_key = '*'" + periodClause(figure)
					+ " GROUP BY node")
			.param("nodes", List.copyOf(nodes))
			.param("from", (from != null) ? from : FIRST)
			.param("to", (to != null) ? to : LAST)
			.query((ResultSet rs) -> {
				values.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return values;
	}

	/**
	 * The registered volunteers, organizations, activities, hours and (for a rollup
	 * period's key) active volunteers at each node, in one statement: what a breakdown by
	 * sub-region reads for the sub-regions and the region itself.
	 */
	Map<Figure, Map<String, BigDecimal>> totalsByNode(Collection<String> nodes, String from, String to,
			String activeKey) {
		Map<Figure, Map<String, BigDecimal>> totals = new EnumMap<>(Figure.class);
		List<Figure> figures = new ArrayList<>(
				List.of(Figure.REGISTERED, Figure.ORGANIZATIONS, Figure.ACTIVITIES, Figure.HOURS));
		if (activeKey != null) {
			figures.add(Figure.ACTIVE);
		}
		figures.forEach((figure) -> totals.put(figure, new HashMap<>()));
		if (nodes.isEmpty()) {
			return totals;
		}
		// the nodes as a table joined by the whole key, not "node IN (…)": H2 reads a
		// node's
		// rows of every dimension and period for an IN list (77,000 rows for the
		// provinces
		// of the nation at 10^6 records), and only the node's TOTAL rows of the period
		// for
		// a join (420 rows)
		List<String> names = new ArrayList<>();
		Map<String, Object> values = new HashMap<>();
		for (String node : nodes) {
			String name = "n" + names.size();
			names.add("(:" + name + ")");
			values.put(name, node);
		}
		String nodeTable = "(VALUES " + String.join(", ", names) + ") n(node)";
		String sql = figures.stream()
			.map((figure) -> "SELECT '" + figure.name() + "', s.node, SUM(s." + figure.column() + ") FROM " + nodeTable
					+ " JOIN " + figure.table() + " s ON s.node = n.node AND s.dim = 'TOTAL' AND s.dim_key = '*'"
					+ ((figure == Figure.ACTIVE) ? " AND s.period = :key"
							: periodClause(figure).replace("period", "s.period"))
					+ " GROUP BY s.node")
			.collect(java.util.stream.Collectors.joining(" UNION ALL "));
		this.jdbc.sql(sql)
			.params(values)
			.param("from", (from != null) ? from : FIRST)
			.param("to", (to != null) ? to : LAST)
			.param("key", (activeKey != null) ? activeKey : "")
			.query((ResultSet rs) -> {
				totals.get(Figure.valueOf(rs.getString(1))).put(rs.getString(2), rs.getBigDecimal(3));
			});
		return totals;
	}

	/** A dated figure's total at the node, month by month within the bounds. */
	Map<String, BigDecimal> byMonth(Figure figure, String node, String from, String to) {
		Map<String, BigDecimal> values = new HashMap<>();
		this.jdbc
			.sql("SELECT period, " + figure.column() + " FROM " + figure.table()
					+ " WHERE node = :node AND dim = 'TOTAL' AND period >= :from AND period <= :to"
					+ " AND CHAR_LENGTH(period) = 7")
			.param("node", node)
			.param("from", (from != null) ? from : FIRST)
			.param("to", (to != null) ? to : LAST)
			.query((ResultSet rs) -> {
				values.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
			});
		return values;
	}

	/** The first and last month with hours or activities at the node, if any. */
	Optional<String[]> monthsWithData(String node) {
		return this.jdbc
			.sql("SELECT MIN(p), MAX(p) FROM (SELECT period AS p FROM stat_service WHERE node = :node AND dim ="
					+ " 'TOTAL' UNION ALL SELECT period AS p FROM stat_activities WHERE node = :node AND dim = 'TOTAL'"
					+ " UNION ALL SELECT period AS p FROM stat_active WHERE node = :node AND dim = 'TOTAL' AND"
					+ " CHAR_LENGTH(period) = 7) months")
			.param("node", node)
			.query((rs, n) -> (rs.getString(1) != null) ? new String[] { rs.getString(1), rs.getString(2) } : null)
			.optional();
	}

	/**
	 * Active volunteers of a span of months that is not one of the rollups' periods:
	 * distinct volunteers with records in any of the months, in regions under the prefix,
	 * by key of the dimension ({@link Dim#TOTAL}, {@link Dim#GENDER},
	 * {@link Dim#BIRTH_YEAR}, {@link Dim#CATEGORY} or {@link Dim#FIELD}).
	 */
	Map<String, BigDecimal> activeBetween(String regionPrefix, Dim dim, String from, String to) {
		String select;
		String join = "";
		String field = " AND m.field = '*'";
		switch (dim) {
			case GENDER -> {
				select = "COALESCE(v.gender, 'UNKNOWN')";
				join = " LEFT JOIN stat_volunteer v ON v.volunteer_id = m.volunteer_id";
			}
			case BIRTH_YEAR -> {
				select = "COALESCE(v.birth_year, 'UNKNOWN')";
				join = " LEFT JOIN stat_volunteer v ON v.volunteer_id = m.volunteer_id";
			}
			case CATEGORY -> {
				select = "c.category";
				join = " JOIN stat_volunteer_category c ON c.volunteer_id = m.volunteer_id";
			}
			case FIELD -> {
				select = "m.field";
				field = " AND m.field <> '*'";
			}
			default -> select = "'*'";
		}
		Map<String, BigDecimal> values = new HashMap<>();
		this.jdbc
			.sql("SELECT " + select + ", COUNT(DISTINCT m.volunteer_id) FROM stat_member m" + join
					+ " WHERE m.records > 0 AND m.region_code LIKE :prefix AND CHAR_LENGTH(m.period) = 7 AND m.period"
					+ " >= :from AND m.period <= :to" + field + ((dim == Dim.TOTAL) ? "" : " GROUP BY " + select))
			.param("prefix", regionPrefix + "%")
			.param("from", (from != null) ? from : FIRST)
			.param("to", (to != null) ? to : LAST)
			.query((ResultSet rs) -> {
				values.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
			});
		return values;
	}

	/**
	 * Active volunteers of a span of months that is not one of the rollups' periods, for
	 * each of several regions under {@code within} given by their prefixes: one pass over
	 * the months' rows per length of prefix (sub-regions of one level share it, so
	 * usually one), not one per region.
	 */
	Map<String, BigDecimal> activeBetweenEach(String within, List<String> prefixes, String from, String to) {
		Map<Integer, Set<String>> byLength = new TreeMap<>();
		for (String prefix : prefixes) {
			byLength.computeIfAbsent(prefix.length(), (length) -> new HashSet<>()).add(prefix);
		}
		Map<String, BigDecimal> values = new HashMap<>();
		byLength.forEach((length, wanted) -> this.jdbc
			.sql("SELECT SUBSTRING(m.region_code, 1, " + length + "), COUNT(DISTINCT m.volunteer_id) FROM stat_member m"
					+ " WHERE m.records > 0 AND m.region_code LIKE :prefix AND CHAR_LENGTH(m.period) = 7 AND m.period"
					+ " >= :from AND m.period <= :to AND m.field = '*' GROUP BY SUBSTRING(m.region_code, 1, " + length
					+ ")")
			.param("prefix", within + "%")
			.param("from", (from != null) ? from : FIRST)
			.param("to", (to != null) ? to : LAST)
			.query((ResultSet rs) -> {
				if (wanted.contains(rs.getString(1))) {
					values.put(rs.getString(1), rs.getBigDecimal(2));
				}
			}));
		return values;
	}

	/**
	 * Active volunteers with records in the region itself, none below it: in the rollups'
	 * period {@code key}, else in the months from {@code from} to {@code to}.
	 */
	long activeAt(String regionCode, String key, String from, String to) {
		String period = (key != null) ? " AND period = :key"
				: " AND CHAR_LENGTH(period) = 7 AND period >= :from AND" + " period <= :to";
		return this.jdbc
			.sql("SELECT COUNT(DISTINCT volunteer_id) FROM stat_member WHERE field = '*' AND region_code = :region AND"
					+ " records > 0" + period)
			.param("region", regionCode)
			.param("key", key)
			.param("from", (from != null) ? from : FIRST)
			.param("to", (to != null) ? to : LAST)
			.query(Long.class)
			.single();
	}

	/** Every figure the rollups hold for the node. */
	Figures figuresOf(String node) {
		Figures figures = new Figures();
		for (Figure figure : Figure.values()) {
			this.jdbc
				.sql("SELECT dim, dim_key, " + (figure.periodic() ? "period" : "''") + ", " + figure.column() + " FROM "
						+ figure.table() + " WHERE node = :node")
				.param("node", node)
				.query((ResultSet rs) -> {
					figures.add(figure, Dim.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
							rs.getBigDecimal(4));
				});
		}
		return figures;
	}

	/**
	 * A node's headline figures; {@code active} is {@code null} when the period has no
	 * rollup of its own.
	 */
	record Totals(long registered, long organizations, long activities, BigDecimal hours, Long active, boolean built) {

	}

	private static String periodClause(Figure figure) {
		if (figure == Figure.ACTIVE) {
			return " AND period = :from";
		}
		return figure.periodic() ? " AND period >= :from AND period <= :to" : "";
	}

	private static OutboxRow outboxRow(ResultSet rs, int n) throws SQLException {
		return new OutboxRow(rs.getLong("id"), OutboxRow.Kind.valueOf(rs.getString("kind")),
				rs.getObject("subject_id", UUID.class), rs.getObject("volunteer_id", UUID.class),
				rs.getString("region_code"), rs.getString("gender"), rs.getString("birth_year"),
				rs.getString("attributes"), rs.getString("field"), rs.getString("period"), rs.getBoolean("counted"),
				rs.getBigDecimal("hours_before"), rs.getBigDecimal("hours_after"),
				rs.getObject("organization_id", UUID.class), rs.getObject("project_id", UUID.class));
	}

	/** What has been folded of a volunteer: the keys they count under. */
	record VolunteerState(UUID volunteerId, String regionCode, String gender, String birthYear, Set<String> categories,
			boolean registered) {

	}

	/** A volunteer's counted records in a period, field and region. */
	record Member(UUID volunteerId, String period, String field, String regionCode, BigDecimal hours, int records) {

	}

	/**
	 * Where a counted activity or organization counts: region, month (activities) and
	 * field (an organization's fields, comma-separated).
	 */
	record Placed(String regionCode, String period, String field) {

	}

}
