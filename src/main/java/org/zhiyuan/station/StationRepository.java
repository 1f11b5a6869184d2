package org.zhiyuan.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stations, with the name of the organization running each. */
@Repository
class StationRepository {

	private static final String SELECT = "SELECT s.*, o.name AS organization_name FROM station s"
			+ " LEFT JOIN organization o ON o.id = s.organization_id";

	private final JdbcClient jdbc;

	StationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, NewStation station, UUID by, OffsetDateTime now, String idempotencyKey) {
		this.jdbc.sql("INSERT INTO station (id, name, kind, region_code, address, lat, lng, opening_hours,"
				+ " organization_id, has_venue, has_team, has_projects, has_facilities, has_rules, has_signage, status,"
				+ " created_by, created_at, updated_at, idempotency_key) VALUES (:id, :name, :kind, :region, :address,"
				+ " :lat, :lng, :hours, :org, :venue, :team, :projects, :facilities, :rules, :signage, 'OPEN', :by,"
				+ " :now, :now, :key)")
			.params(params(id, station))
			.param("by", by)
			.param("now", now)
			.param("key", idempotencyKey)
			.update();
	}

	void update(UUID id, NewStation station, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE station SET name = :name, kind = :kind, region_code = :region, address = :address,"
					+ " lat = :lat, lng = :lng, opening_hours = :hours, organization_id = :org, has_venue = :venue,"
					+ " has_team = :team, has_projects = :projects, has_facilities = :facilities, has_rules = :rules,"
					+ " has_signage = :signage, updated_at = :now WHERE id = :id")
			.params(params(id, station))
			.param("now", now)
			.update();
	}

	/**
	 * Moves the station from one status to the other; {@code false} when it was not in
	 * {@code from}.
	 */
	boolean changeStatus(UUID id, StationStatus from, StationStatus to, String reason, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE station SET status = :to, closed_reason = :reason, updated_at = :now"
					+ " WHERE id = :id AND status = :from")
			.param("id", id)
			.param("from", from.name())
			.param("to", to.name())
			.param("reason", reason)
			.param("now", now)
			.update() == 1;
	}

	Optional<StationView> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(StationRepository::station).optional();
	}

	Optional<UUID> findByIdempotencyKey(UUID by, String key) {
		return this.jdbc.sql("SELECT id FROM station WHERE created_by = :by AND idempotency_key = :key")
			.param("by", by)
			.param("key", key)
			.query(UUID.class)
			.optional();
	}

	/** A page of stations, by name; with {@code statuses} the ones to include. */
	PageResult<StationView> search(StationQuery query, Set<StationStatus> statuses, PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE s.status IN (:statuses)");
		Map<String, Object> params = new HashMap<>();
		params.put("statuses", statuses.stream().map(Enum::name).toList());
		if (query.regionCode() != null) {
			where.append(" AND s.region_code LIKE :region");
			params.put("region", Regions.prefixOf(query.regionCode()) + "%");
		}
		if (query.kind() != null) {
			where.append(" AND s.kind = :kind");
			params.put("kind", query.kind().name());
		}
		if (query.bbox() != null) {
			where.append(" AND s.lng BETWEEN :minLng AND :maxLng AND s.lat BETWEEN :minLat AND :maxLat");
			params.put("minLng", query.bbox().minLng());
			params.put("maxLng", query.bbox().maxLng());
			params.put("minLat", query.bbox().minLat());
			params.put("maxLat", query.bbox().maxLat());
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM station s" + where).params(params).query(Long.class).single();
		List<StationView> items = this.jdbc
			.sql(SELECT + where + " ORDER BY s.region_code, s.name, s.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(StationRepository::station)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static Map<String, Object> params(UUID id, NewStation s) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("name", s.name().strip());
		params.put("kind", s.kind().name());
		params.put("region", s.regionCode());
		params.put("address", s.address().strip());
		params.put("lat", s.lat());
		params.put("lng", s.lng());
		params.put("hours", s.openingHours().strip());
		params.put("org", s.organizationId());
		params.put("venue", s.checklist().venue());
		params.put("team", s.checklist().team());
		params.put("projects", s.checklist().projects());
		params.put("facilities", s.checklist().facilities());
		params.put("rules", s.checklist().rules());
		params.put("signage", s.checklist().signage());
		return params;
	}

	private static StationView station(ResultSet rs, int n) throws SQLException {
		return new StationView(rs.getObject("id", UUID.class), rs.getString("name"),
				StationKind.valueOf(rs.getString("kind")), rs.getString("region_code"), rs.getString("address"),
				rs.getDouble("lat"), rs.getDouble("lng"), rs.getString("opening_hours"),
				rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
				new Checklist(rs.getBoolean("has_venue"), rs.getBoolean("has_team"), rs.getBoolean("has_projects"),
						rs.getBoolean("has_facilities"), rs.getBoolean("has_rules"), rs.getBoolean("has_signage")),
				StationStatus.valueOf(rs.getString("status")), rs.getString("closed_reason"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

}
