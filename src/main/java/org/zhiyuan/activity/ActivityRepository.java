package org.zhiyuan.activity;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.activity.ActivityView.PositionView;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final String COLUMNS = "a.id, a.organization_id, o.name AS organization_name, a.project_id, a.title,"
			+ " a.description, a.field, a.region_code, a.address, a.lat, a.lng, a.geofence_meters, a.starts_at,"
			+ " a.ends_at, a.signup_deadline, a.approval, a.waitlist, a.risk_level, a.recruitment_mode, a.time_bank_eligible,"
			+ " a.risks_and_protections, a.contact_name, a.contact_phone, a.status, a.cancel_reason";

	private static final String FROM = " FROM activity a JOIN organization o ON o.id = a.organization_id";

	/** A position's columns beside an activity's, named apart from the activity's. */
	private static final String POSITION_COLUMNS = "p.id AS p_id, p.activity_id AS p_activity_id, p.name AS p_name,"
			+ " p.capacity AS p_capacity, p.accepted AS p_accepted, p.min_age AS p_min_age, p.max_age AS p_max_age,"
			+ " p.starts_at AS p_starts_at, p.ends_at AS p_ends_at, p.gender AS p_gender,"
			+ " p.min_services AS p_min_services, p.min_hours AS p_min_hours,"
			+ " p.min_credit_score AS p_min_credit_score, q.qualification";

	/** Mean radius of the earth in km, for great-circle distances. */
	private static final double EARTH_KM = 6371.0088;

	/**
	 * The statuses whose activities the public search shows, and whose text it indexes.
	 */
	private static final List<String> SEARCHED = List.of(ActivityStatus.RECRUITING.name(),
			ActivityStatus.IN_PROGRESS.name());

	/** Between title, description and address in {@code activity_search_text}. */
	private static final String LINE = "\n";

	/** An activity's searched text, as {@code activity_search_text} holds it. */
	private static final String SEARCH_TEXT = "LOWER(a.title || :line || a.description || :line || a.address)";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, NewActivity a, UUID createdBy, OffsetDateTime now) {
		this.jdbc.sql("INSERT INTO activity (id, organization_id, project_id, title, description, field, region_code,"
				+ " address, lat, lng, geofence_meters, starts_at, ends_at, signup_deadline, approval, waitlist, risk_level,"
				+ " recruitment_mode, time_bank_eligible, risks_and_protections, contact_name, contact_phone, status,"
				+ " created_by, created_at) VALUES (:id, :org, :project, :title, :description, :field, :region,"
				+ " :address, :lat, :lng, :geofence, :starts, :ends, :deadline, :approval, :waitlist, :risk, :mode, :timeBank,"
				+ " :risks, :contactName, :contactPhone, 'DRAFT', :by, :now)")
			.param("id", id)
			.param("org", a.organizationId())
			.param("project", a.projectId())
			.param("title", a.title().strip())
			.param("description", a.description().strip())
			.param("field", a.field().name())
			.param("region", a.regionCode())
			.param("address", a.address().strip())
			.param("lat", a.lat())
			.param("lng", a.lng())
			.param("geofence", a.geofenceMeters())
			.param("starts", a.startsAt())
			.param("ends", a.endsAt())
			.param("deadline", a.signupDeadline())
			.param("approval", a.approval().name())
			.param("waitlist", a.waitlist())
			.param("risk", a.riskLevel().name())
			.param("mode", a.recruitmentMode().name())
			.param("timeBank", a.timeBankEligible())
			.param("risks", blankToNull(a.risksAndProtections()))
			.param("contactName", blankToNull(a.contactName()))
			.param("contactPhone", blankToNull(PhoneNumbers.normalize(a.contactPhone())))
			.param("by", createdBy)
			.param("now", now)
			.update();
		int order = 0;
		for (NewActivity.NewPosition p : a.positions()) {
			UUID positionId = org.zhiyuan.shared.Ids.newId();
			this.jdbc.sql("INSERT INTO activity_position (id, activity_id, name, capacity, accepted, min_age, max_age,"
					+ " sort_order, starts_at, ends_at, gender, min_services, min_hours, min_credit_score) VALUES"
					+ " (:id, :activity, :name, :capacity, 0, :minAge, :maxAge, :order, :startsAt, :endsAt, :gender,"
					+ " :minServices, :minHours, :minCreditScore)")
				.param("minCreditScore", p.minCreditScore())
				.param("id", positionId)
				.param("activity", id)
				.param("name", p.name().strip())
				.param("capacity", p.capacity())
				.param("minAge", p.minAge())
				.param("maxAge", p.maxAge())
				.param("order", order++)
				.param("startsAt", p.startsAt())
				.param("endsAt", p.endsAt())
				.param("gender", (p.gender() != null) ? p.gender().name() : null)
				.param("minServices", p.minServices())
				.param("minHours", p.minHours())
				.update();
			for (String qualification : (p.qualifications() != null) ? p.qualifications().stream().distinct().toList()
					: List.<String>of()) {
				this.jdbc
					.sql("INSERT INTO activity_position_qualification (position_id, qualification)"
							+ " VALUES (:id, :q)")
					.param("id", positionId)
					.param("q", qualification.strip())
					.update();
			}
		}
	}

	/** The contact phone as stored, for a copy of the activity; never shown. */
	Optional<String> contactPhone(UUID id) {
		return this.jdbc.sql("SELECT contact_phone FROM activity WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap((phone) -> phone);
	}

	void insertSeries(UUID id, UUID organizationId, String frequency, int occurrences, UUID createdBy,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO activity_series (id, organization_id, frequency, occurrences, created_by, created_at)"
					+ " VALUES (:id, :org, :frequency, :occurrences, :by, :now)")
			.param("id", id)
			.param("org", organizationId)
			.param("frequency", frequency)
			.param("occurrences", occurrences)
			.param("by", createdBy)
			.param("now", now)
			.update();
	}

	void joinSeries(UUID activityId, UUID seriesId) {
		this.jdbc.sql("UPDATE activity SET series_id = :series WHERE id = :id")
			.param("id", activityId)
			.param("series", seriesId)
			.update();
	}

	/** The ids of a series' occurrences, the earliest first. */
	List<UUID> occurrencesOf(UUID seriesId) {
		return this.jdbc.sql("SELECT id FROM activity WHERE series_id = :series ORDER BY starts_at, id")
			.param("series", seriesId)
			.query(UUID.class)
			.list();
	}

	/**
	 * One activity with its positions, in one statement: a row per position and
	 * qualification it asks for (one row when none, one when the activity has no
	 * position).
	 */
	Optional<ActivityView> find(UUID id) {
		ActivityView[] activity = new ActivityView[1];
		Map<UUID, PositionRead> positions = new LinkedHashMap<>();
		this.jdbc.sql("SELECT " + COLUMNS + ", " + POSITION_COLUMNS + FROM
				+ " LEFT JOIN activity_position p ON p.activity_id = a.id LEFT JOIN activity_position_qualification q"
				+ " ON q.position_id = p.id WHERE a.id = :id ORDER BY p.sort_order, p.id, q.qualification")
			.param("id", id)
			.query((RowCallbackHandler) (rs) -> {
				if (activity[0] == null) {
					activity[0] = row(rs, 0);
				}
				if (rs.getObject("p_id") != null) {
					readPosition(rs, positions);
				}
			});
		if (activity[0] == null) {
			return Optional.empty();
		}
		return Optional.of(activity[0].withPositions(positions.values().stream().map(PositionRead::view).toList()));
	}

	/** Locks the activity row for a change of state. */
	Optional<ActivityStatus> lockStatus(UUID id) {
		return this.jdbc.sql("SELECT status FROM activity WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> ActivityStatus.valueOf(rs.getString(1)))
			.optional();
	}

	void changeStatus(UUID id, ActivityStatus status, String reason, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE activity SET status = :status, cancel_reason = COALESCE(:reason, cancel_reason),"
					+ " published_at = CASE WHEN :status = 'RECRUITING' THEN :now ELSE published_at END WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("reason", reason)
			.param("now", now)
			.update();
		indexText(id);
	}

	/** Writes the changed notice; a {@code null} phone keeps the one held. */
	void update(UUID id, ActivityView a, String contactPhone) {
		this.jdbc
			.sql("UPDATE activity SET title = :title, description = :description, address = :address, lat = :lat,"
					+ " lng = :lng, geofence_meters = :geofence, starts_at = :starts, ends_at = :ends,"
					+ " signup_deadline = :deadline, risks_and_protections = :risks, contact_name = :contactName,"
					+ " contact_phone = COALESCE(:contactPhone, contact_phone) WHERE id = :id")
			.param("id", id)
			.param("title", a.title())
			.param("description", a.description())
			.param("address", a.address())
			.param("lat", a.lat())
			.param("lng", a.lng())
			.param("geofence", a.geofenceMeters())
			.param("starts", a.startsAt())
			.param("ends", a.endsAt())
			.param("deadline", a.signupDeadline())
			.param("risks", blankToNull(a.risksAndProtections()))
			.param("contactName", blankToNull(a.contactName()))
			.param("contactPhone", blankToNull(contactPhone))
			.update();
		indexText(id);
	}

	/**
	 * Writes the searched text of one activity again from its row: present while the
	 * activity is recruiting or in progress, gone otherwise.
	 */
	private void indexText(UUID id) {
		this.jdbc.sql("DELETE FROM activity_search_text WHERE activity_id = :id").param("id", id).update();
		this.jdbc
			.sql("INSERT INTO activity_search_text (activity_id, search_text) SELECT a.id, " + SEARCH_TEXT
					+ " FROM activity a WHERE a.id = :id AND a.status IN (:searched)")
			.param("id", id)
			.param("line", LINE)
			.param("searched", SEARCHED)
			.update();
	}

	/**
	 * Brings the searched text in step after statuses changed in bulk: rows of activities
	 * no longer searched go, activities newly searched get theirs.
	 */
	private void reindexText() {
		this.jdbc
			.sql("DELETE FROM activity_search_text WHERE activity_id NOT IN (SELECT a.id FROM activity a"
					+ " WHERE a.status IN (:searched))")
			.param("searched", SEARCHED)
			.update();
		this.jdbc
			.sql("INSERT INTO activity_search_text (activity_id, search_text) SELECT a.id, " + SEARCH_TEXT
					+ " FROM activity a WHERE a.status IN (:searched)"
					+ " AND a.id NOT IN (SELECT t.activity_id FROM activity_search_text t)")
			.param("line", LINE)
			.param("searched", SEARCHED)
			.update();
	}

	/** Sets a position's capacity, never below the places already taken. */
	boolean changeCapacity(UUID activityId, UUID positionId, int capacity) {
		return this.jdbc
			.sql("UPDATE activity_position SET capacity = :capacity WHERE activity_id = :activity AND id = :id"
					+ " AND accepted <= :capacity")
			.param("activity", activityId)
			.param("id", positionId)
			.param("capacity", capacity)
			.update() == 1;
	}

	/**
	 * Replaces a position's requirements with those of {@code p}; its name, places and
	 * shift stay.
	 */
	void changeRequirements(UUID activityId, UUID positionId, NewActivity.NewPosition p) {
		this.jdbc
			.sql("UPDATE activity_position SET min_age = :minAge, max_age = :maxAge, gender = :gender,"
					+ " min_services = :minServices, min_hours = :minHours, min_credit_score = :minCreditScore WHERE"
					+ " activity_id = :activity AND id = :id")
			.param("activity", activityId)
			.param("id", positionId)
			.param("minCreditScore", p.minCreditScore())
			.param("minAge", p.minAge())
			.param("maxAge", p.maxAge())
			.param("gender", (p.gender() != null) ? p.gender().name() : null)
			.param("minServices", p.minServices())
			.param("minHours", p.minHours())
			.update();
		this.jdbc.sql("DELETE FROM activity_position_qualification WHERE position_id = :id")
			.param("id", positionId)
			.update();
		for (String qualification : p.qualifications().stream().map(String::strip).distinct().toList()) {
			this.jdbc.sql("INSERT INTO activity_position_qualification (position_id, qualification) VALUES (:id, :q)")
				.param("id", positionId)
				.param("q", qualification)
				.update();
		}
	}

	/**
	 * Moves every activity whose time has come on by one step; returns how many moved.
	 */
	int advance(ActivityStatus from, ActivityStatus to, String timeColumn, OffsetDateTime now) {
		int moved = this.jdbc
			.sql("UPDATE activity SET status = :to WHERE status = :from AND " + timeColumn + " <= :now")
			.param("from", from.name())
			.param("to", to.name())
			.param("now", now)
			.update();
		if (moved > 0 && SEARCHED.contains(from.name()) != SEARCHED.contains(to.name())) {
			reindexText();
		}
		return moved;
	}

	/**
	 * Takes one place of a position if one is free: a single conditional update, so that
	 * no interleaving of concurrent requests can exceed the capacity.
	 */
	boolean claimPlace(UUID activityId, UUID positionId) {
		return this.jdbc
			.sql("UPDATE activity_position SET accepted = accepted + 1 WHERE activity_id = :activity AND id = :id"
					+ " AND accepted < capacity")
			.param("activity", activityId)
			.param("id", positionId)
			.update() == 1;
	}

	/**
	 * Locks the position's row with an update that changes nothing rather than with
	 * {@code SELECT ... FOR UPDATE}: on PostgreSQL that takes the weaker no-key lock,
	 * which sign-ups inserted meanwhile can still reference (their foreign key check
	 * takes a key share lock). With {@code FOR UPDATE} such an insert waits for the lock
	 * holder while holding its own unique entry, and a batch reaching the same volunteer
	 * deadlocks.
	 */
	int lockFreePlaces(UUID activityId, UUID positionId) {
		this.jdbc.sql("UPDATE activity_position SET accepted = accepted WHERE activity_id = :activity AND id = :id")
			.param("activity", activityId)
			.param("id", positionId)
			.update();
		return this.jdbc
			.sql("SELECT capacity - accepted FROM activity_position WHERE activity_id = :activity AND id = :id")
			.param("activity", activityId)
			.param("id", positionId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	boolean claimPlaces(UUID activityId, UUID positionId, int count) {
		return this.jdbc
			.sql("UPDATE activity_position SET accepted = accepted + :count WHERE activity_id = :activity"
					+ " AND id = :id AND accepted + :count <= capacity")
			.param("activity", activityId)
			.param("id", positionId)
			.param("count", count)
			.update() == 1;
	}

	void releasePlace(UUID activityId, UUID positionId) {
		this.jdbc
			.sql("UPDATE activity_position SET accepted = accepted - 1 WHERE activity_id = :activity AND id = :id"
					+ " AND accepted > 0")
			.param("activity", activityId)
			.param("id", positionId)
			.update();
	}

	PageResult<ActivityView> search(ActivityQuery q, List<ActivityStatus> statuses, PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE a.status IN (:statuses)");
		Map<String, Object> params = new HashMap<>();
		params.put("statuses", statuses.stream().map(Enum::name).toList());
		if (q.regionCode() != null) {
			where.append(" AND a.region_code LIKE :region");
			params.put("region", Regions.prefixOf(q.regionCode()) + "%");
		}
		if (q.field() != null) {
			where.append(" AND a.field = :field");
			params.put("field", q.field().name());
		}
		if (q.text() != null && !q.text().isBlank()) {
			if (q.regionCode() == null && statuses.stream().map(Enum::name).allMatch(SEARCHED::contains)) {
				// the narrow rows of the searched activities' text, one LIKE each; with a
				// region, its index leaves fewer rows to test than this table holds
				where.append(" AND a.id IN (SELECT t.activity_id FROM activity_search_text t"
						+ " WHERE t.search_text LIKE :text)");
			}
			else {
				where.append(" AND (LOWER(a.title) LIKE :text OR LOWER(a.description) LIKE :text"
						+ " OR LOWER(a.address) LIKE :text)");
			}
			params.put("text", "%"
					+ q.text().strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace(LINE, " ") + "%");
		}
		if (q.from() != null) {
			where.append(" AND a.ends_at >= :from");
			params.put("from", q.from().atStartOfDay(CHINA).toOffsetDateTime());
		}
		if (q.to() != null) {
			where.append(" AND a.starts_at < :to");
			params.put("to", q.to().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
		}
		String distance = null;
		if (q.near()) {
			double radius = (q.radiusKm() != null) ? q.radiusKm() : 10;
			double dLat = Math.toDegrees(radius / EARTH_KM);
			double dLng = dLat / Math.max(Math.cos(Math.toRadians(q.lat())), 0.01);
			where.append(" AND a.lat BETWEEN :minLat AND :maxLat AND a.lng BETWEEN :minLng AND :maxLng");
			params.put("minLat", q.lat() - dLat);
			params.put("maxLat", q.lat() + dLat);
			params.put("minLng", q.lng() - dLng);
			params.put("maxLng", q.lng() + dLng);
			// haversine; the bounding box above lets the index do the coarse work
			distance = "(2 * " + EARTH_KM + " * ASIN(SQRT(POWER(SIN(RADIANS(a.lat - :lat) / 2), 2)"
					+ " + COS(RADIANS(:lat)) * COS(RADIANS(a.lat)) * POWER(SIN(RADIANS(a.lng - :lng) / 2), 2))))";
			where.append(" AND ").append(distance).append(" <= :radius");
			params.put("lat", q.lat());
			params.put("lng", q.lng());
			params.put("radius", radius);
		}
		// A text or distance filter reads every candidate row whatever the order, so the
		// page and the count come from that one pass (a window count); filters that an
		// index answers in order count apart, from the index alone, and stop the page
		// early.
		boolean onePass = distance != null || params.containsKey("text");
		String select = "SELECT " + COLUMNS + ((distance != null) ? ", " + distance + " AS distance_km" : "")
				+ (onePass ? ", COUNT(*) OVER () AS total_rows" : "") + FROM + where
				+ ((distance != null) ? " ORDER BY distance_km, a.starts_at" : " ORDER BY a.starts_at, a.id")
				+ " LIMIT :limit OFFSET :offset";
		boolean withDistance = distance != null;
		long[] counted = { -1 };
		List<ActivityView> items = this.jdbc.sql(select)
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				if (onePass && n == 0) {
					counted[0] = rs.getLong("total_rows");
				}
				ActivityView view = row(rs, n);
				return withDistance ? view.withDistance(Math.round(rs.getDouble("distance_km") * 100) / 100.0) : view;
			})
			.list();
		long total = (counted[0] >= 0) ? counted[0] : (onePass && page.offset() == 0) ? 0
				: this.jdbc.sql("SELECT COUNT(*)" + FROM + where).params(params).query(Long.class).single();
		return new PageResult<>(withPositions(items), page.page(), page.size(), total);
	}

	/**
	 * Places of earlier activities that have a point, newest first: the given
	 * organization's first (drafts too when {@code withDrafts}), then those within the
	 * region prefix, then the others; only published ones outside the organization. At
	 * most {@code limit} rows, not yet told apart by place.
	 */
	List<KnownPlace> knownPlaces(String text, UUID organizationId, boolean withDrafts, String regionPrefix,
			List<ActivityStatus> published, int limit) {
		StringBuilder where = new StringBuilder(" WHERE a.lat IS NOT NULL AND a.lng IS NOT NULL");
		Map<String, Object> params = new HashMap<>();
		params.put("published", published.stream().map(Enum::name).toList());
		params.put("org", organizationId);
		if (withDrafts && organizationId != null) {
			where.append(" AND (a.status IN (:published) OR a.organization_id = :org)");
		}
		else {
			where.append(" AND a.status IN (:published)");
		}
		if (text != null && !text.isBlank()) {
			where.append(" AND (LOWER(a.address) LIKE :text OR LOWER(a.title) LIKE :text)");
			params.put("text",
					"%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		String own = (organizationId != null) ? "CASE WHEN a.organization_id = :org THEN 0 ELSE 1 END, " : "";
		String near = (regionPrefix != null) ? "CASE WHEN a.region_code LIKE :near THEN 0 ELSE 1 END, " : "";
		params.put("near", (regionPrefix != null) ? regionPrefix + "%" : null);
		return this.jdbc
			.sql("SELECT a.address, a.region_code, a.lat, a.lng, a.organization_id FROM activity a" + where
					+ " ORDER BY " + own + near + "a.starts_at DESC, a.id LIMIT :limit")
			.params(params)
			.param("limit", limit)
			.query((rs, n) -> new KnownPlace(rs.getString("address"), rs.getString("region_code"), rs.getDouble("lat"),
					rs.getDouble("lng"),
					organizationId != null && organizationId.equals(rs.getObject("organization_id", UUID.class))))
			.list();
	}

	/**
	 * The next activities open for sign-up that have not started, soonest first; those
	 * within the region prefix first when one is given.
	 */
	List<ActivityView> recruitingSoon(OffsetDateTime now, String nearPrefix, int limit) {
		String near = (nearPrefix != null) ? "CASE WHEN a.region_code LIKE :near THEN 0 ELSE 1 END, " : "";
		List<ActivityView> items = this.jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE a.status = 'RECRUITING' AND a.starts_at > :now"
					+ " AND a.signup_deadline > :now ORDER BY " + near + "a.starts_at, a.id LIMIT :limit")
			.param("now", now)
			.param("near", (nearPrefix != null) ? nearPrefix + "%" : null)
			.param("limit", limit)
			.query(this::row)
			.list();
		return withPositions(items);
	}

	long countInStatus(ActivityStatus status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM activity WHERE status = :status")
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	/**
	 * A page of an organization's activities in the given statuses, the latest start
	 * first.
	 */
	PageResult<ActivityView> ofOrganization(UUID organizationId, Collection<ActivityStatus> statuses, PageQuery page) {
		String where = " WHERE a.organization_id = :org AND a.status IN (:statuses)";
		List<String> names = statuses.stream().map(Enum::name).toList();
		long total = this.jdbc.sql("SELECT COUNT(*)" + FROM + where)
			.param("org", organizationId)
			.param("statuses", names)
			.query(Long.class)
			.single();
		List<ActivityView> items = this.jdbc
			.sql("SELECT " + COLUMNS + FROM + where + " ORDER BY a.starts_at DESC, a.id LIMIT :limit OFFSET :offset")
			.param("org", organizationId)
			.param("statuses", names)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::row)
			.list();
		return new PageResult<>(withPositions(items), page.page(), page.size(), total);
	}

	/** A project's activities of the statuses given, by start: the latest first. */
	List<ActivityView> ofProject(UUID projectId, Collection<ActivityStatus> statuses, int limit) {
		return withPositions(this.jdbc
			.sql("SELECT " + COLUMNS + FROM + " WHERE a.project_id = :project AND a.status IN (:statuses)"
					+ " ORDER BY a.starts_at DESC, a.id LIMIT :limit")
			.param("project", projectId)
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("limit", limit)
			.query(this::row)
			.list());
	}

	Optional<PositionRow> position(UUID positionId) {
		return this.jdbc.sql("SELECT id, activity_id, min_age, max_age FROM activity_position WHERE id = :id")
			.param("id", positionId)
			.query((rs, n) -> new PositionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					(Integer) rs.getObject(3), (Integer) rs.getObject(4)))
			.optional();
	}

	void insertProject(UUID id, UUID organizationId, String name, ServiceField field, ProjectLevel level,
			String regionCode, String description, OffsetDateTime now) {
		this.jdbc.sql("INSERT INTO project (id, organization_id, name, field, project_level, brand, region_code,"
				+ " description, created_at) VALUES (:id, :org, :name, :field, :level, FALSE, :region, :description,"
				+ " :now)")
			.param("id", id)
			.param("org", organizationId)
			.param("name", name)
			.param("field", field.name())
			.param("level", level.name())
			.param("region", regionCode)
			.param("description", blankToNull(description))
			.param("now", now)
			.update();
	}

	void markBrand(UUID projectId, boolean brand) {
		this.jdbc.sql("UPDATE project SET brand = :brand WHERE id = :id")
			.param("id", projectId)
			.param("brand", brand)
			.update();
	}

	Optional<ProjectView> project(UUID id) {
		return this.jdbc.sql(PROJECT_SELECT + " WHERE p.id = :id").param("id", id).query(this::projectRow).optional();
	}

	PageResult<ProjectView> projects(String regionCode, ServiceField field, UUID organizationId, Boolean brand,
			PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE o.status IN ('ACTIVE', 'SUSPENDED')");
		Map<String, Object> params = new HashMap<>();
		if (regionCode != null) {
			where.append(" AND p.region_code LIKE :region");
			params.put("region", Regions.prefixOf(regionCode) + "%");
		}
		if (field != null) {
			where.append(" AND p.field = :field");
			params.put("field", field.name());
		}
		if (organizationId != null) {
			where.append(" AND p.organization_id = :org");
			params.put("org", organizationId);
		}
		if (brand != null) {
			where.append(" AND p.brand = :brand");
			params.put("brand", brand);
		}
		long total = this.jdbc
			.sql("SELECT COUNT(*) FROM project p JOIN organization o ON o.id = p.organization_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<ProjectView> items = this.jdbc
			.sql(PROJECT_SELECT + where + " ORDER BY p.brand DESC, p.created_at DESC, p.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::projectRow)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static final String PROJECT_SELECT = "SELECT p.id, p.organization_id, o.name AS organization_name, p.name,"
			+ " p.field, p.project_level, p.brand, p.region_code, p.description, p.created_at FROM project p"
			+ " JOIN organization o ON o.id = p.organization_id";

	private ProjectView projectRow(ResultSet rs, int n) throws SQLException {
		return new ProjectView(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("organization_name"), rs.getString("name"), ServiceField.valueOf(rs.getString("field")),
				ProjectLevel.valueOf(rs.getString("project_level")), rs.getBoolean("brand"),
				rs.getString("region_code"), rs.getString("description"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private ActivityView row(ResultSet rs, int n) throws SQLException {
		return new ActivityView(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("organization_name"), rs.getObject("project_id", UUID.class), rs.getString("title"),
				rs.getString("description"), ServiceField.valueOf(rs.getString("field")), rs.getString("region_code"),
				rs.getString("address"), (Double) rs.getObject("lat", Double.class),
				(Double) rs.getObject("lng", Double.class), rs.getInt("geofence_meters"),
				rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
				rs.getObject("signup_deadline", OffsetDateTime.class), ApprovalMode.valueOf(rs.getString("approval")),
				rs.getBoolean("waitlist"), RiskLevel.valueOf(rs.getString("risk_level")),
				RecruitmentMode.valueOf(rs.getString("recruitment_mode")), rs.getBoolean("time_bank_eligible"),
				rs.getString("risks_and_protections"), rs.getString("contact_name"),
				PhoneNumbers.mask(rs.getString("contact_phone")), ActivityStatus.valueOf(rs.getString("status")),
				rs.getString("cancel_reason"), List.of(), null);
	}

	private List<ActivityView> withPositions(List<ActivityView> views) {
		if (views.isEmpty()) {
			return views;
		}
		List<UUID> ids = views.stream().map(ActivityView::id).toList();
		// one row per position and qualification it asks for (one row when none)
		Map<UUID, PositionRead> rows = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT " + POSITION_COLUMNS + " FROM activity_position p LEFT JOIN activity_position_qualification q"
					+ " ON q.position_id = p.id WHERE p.activity_id IN (:ids) ORDER BY p.sort_order, p.id,"
					+ " q.qualification")
			.param("ids", ids)
			.query((RowCallbackHandler) (rs) -> readPosition(rs, rows));
		Map<UUID, List<PositionView>> positions = new HashMap<>();
		for (PositionRead row : rows.values()) {
			positions.computeIfAbsent(row.activityId(), (k) -> new ArrayList<>()).add(row.view());
		}
		return views.stream().map((v) -> v.withPositions(positions.getOrDefault(v.id(), List.of()))).toList();
	}

	/**
	 * Reads a row of {@link #POSITION_COLUMNS} into the position it belongs to, adding
	 * the qualification it names.
	 */
	private static void readPosition(ResultSet rs, Map<UUID, PositionRead> rows) throws SQLException {
		UUID id = rs.getObject("p_id", UUID.class);
		PositionRead row = rows.get(id);
		if (row == null) {
			row = new PositionRead(rs.getObject("p_activity_id", UUID.class), id, rs.getString("p_name"),
					rs.getInt("p_capacity"), rs.getInt("p_accepted"),
					(Integer) rs.getObject("p_min_age", Integer.class),
					(Integer) rs.getObject("p_max_age", Integer.class),
					rs.getObject("p_starts_at", OffsetDateTime.class), rs.getObject("p_ends_at", OffsetDateTime.class),
					(rs.getString("p_gender") != null) ? Gender.valueOf(rs.getString("p_gender")) : null,
					(Integer) rs.getObject("p_min_services", Integer.class), rs.getBigDecimal("p_min_hours"),
					(Integer) rs.getObject("p_min_credit_score", Integer.class), new ArrayList<>());
			rows.put(id, row);
		}
		if (rs.getString("qualification") != null) {
			row.qualifications().add(rs.getString("qualification"));
		}
	}

	/** A position as read, gathering the qualifications it asks for. */
	private record PositionRead(UUID activityId, UUID id, String name, int capacity, int accepted, Integer minAge,
			Integer maxAge, OffsetDateTime startsAt, OffsetDateTime endsAt, Gender gender, Integer minServices,
			BigDecimal minHours, Integer minCreditScore, List<String> qualifications) {

		PositionView view() {
			return new PositionView(this.id, this.name, this.capacity, this.accepted, this.minAge, this.maxAge,
					List.copyOf(this.qualifications), this.startsAt, this.endsAt, this.gender, this.minServices,
					this.minHours, this.minCreditScore);
		}

	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	/** What sign-up checks need of a position. */
	record PositionRow(UUID id, UUID activityId, Integer minAge, Integer maxAge) {

	}

}
