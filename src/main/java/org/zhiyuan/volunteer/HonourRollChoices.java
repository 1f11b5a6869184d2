package org.zhiyuan.volunteer;

import java.math.RoundingMode;
import java.util.List;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.identity.PersonNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A volunteer's say on the honour roll (光荣榜): nobody is shown unless they agreed, and
 * then only by masked name with their star level and hours. Saying yes or no is audited;
 * a deregistered volunteer is never shown.
 */
@Service
public class HonourRollChoices {

	private final Volunteers volunteers;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	HonourRollChoices(Volunteers volunteers, JdbcClient jdbc, AuditLog auditLog) {
		this.volunteers = volunteers;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * Whether the caller agreed to be shown.
	 * @throws org.zhiyuan.shared.ProblemException 404 {@code VOLUNTEER_NOT_FOUND} when
	 * the caller is not a volunteer
	 */
	public boolean isShown(Actor actor) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		return this.jdbc.sql("SELECT on_honour_roll FROM volunteer WHERE id = :id")
			.param("id", volunteer.id())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Agrees to be shown, or withdraws: the roll shows the change at once.
	 * @return the choice held now
	 */
	public boolean choose(Actor actor, boolean shown) {
		VolunteerView volunteer = this.volunteers.mine(actor);
		this.jdbc.sql("UPDATE volunteer SET on_honour_roll = :shown WHERE id = :id")
			.param("shown", shown)
			.param("id", volunteer.id())
			.update();
		this.auditLog.record(AuditRecord.of("volunteer.honour-roll", actor.accountId())
			.on("volunteer", volunteer.id())
			.inRegion(volunteer.regionCode())
			.withDetail(shown ? "shown" : "hidden"));
		return shown;
	}

	/**
	 * The star volunteers of a region and the regions below it who agreed to be shown,
	 * the highest stars and most hours first.
	 */
	public List<StarVolunteer> shownWithin(String regionCode, int limit) {
		return this.jdbc
			.sql("SELECT name, star_level, total_hours, region_code FROM volunteer JOIN volunteer_standing"
					+ " ON volunteer_id = id WHERE on_honour_roll = TRUE"
					+ " AND status = 'ACTIVE' AND star_level > 0 AND region_code LIKE :prefix"
					+ " ORDER BY star_level DESC, total_hours DESC, id LIMIT :limit")
			.param("prefix", Regions.prefixOf(regionCode) + "%")
			.param("limit", limit)
			.query((rs, row) -> new StarVolunteer(PersonNames.mask(rs.getString(1)), rs.getInt(2),
					rs.getBigDecimal(3).setScale(2, RoundingMode.UNNECESSARY), rs.getString(4)))
			.list();
	}

}
