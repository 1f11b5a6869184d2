package org.zhiyuan.recommendation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.privacy.PersonalDataCipher;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerDeregistered;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The volunteer's own point near home for recommendations: sealed at rest, set, read and
 * cleared by the volunteer alone. Kept to about a hundred metres (three decimals), which
 * is all a distance in kilometres needs.
 */
@Service
public class HomePoints {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Volunteers volunteers;

	HomePoints(JdbcClient jdbc, PersonalDataCipher cipher, Volunteers volunteers) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.volunteers = volunteers;
	}

	/** The caller's point, if they set one. */
	public Optional<HomePoint> mine(Actor actor) {
		return Optional.ofNullable(of(this.volunteers.mine(actor).id()));
	}

	/**
	 * Sets the caller's point.
	 * @throws ProblemException 400 for a point off the earth
	 */
	public HomePoint set(Actor actor, Double lat, Double lng) {
		List<FieldProblem> problems = new ArrayList<>();
		if (lat == null || lat.isNaN() || lat < -90 || lat > 90) {
			problems.add(new FieldProblem("lat", "validation.location"));
		}
		if (lng == null || lng.isNaN() || lng < -180 || lng > 180) {
			problems.add(new FieldProblem("lng", "validation.location"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		UUID volunteer = this.volunteers.mine(actor).id();
		HomePoint point = new HomePoint(Math.round(lat * 1000) / 1000.0, Math.round(lng * 1000) / 1000.0);
		String sealed = this.cipher.seal(point.lat() + "," + point.lng());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		int updated = this.jdbc
			.sql("UPDATE recommendation_home SET location_sealed = :sealed, updated_at = :now WHERE volunteer_id = :id")
			.param("sealed", sealed)
			.param("now", now)
			.param("id", volunteer)
			.update();
		if (updated == 0) {
			try {
				this.jdbc
					.sql("INSERT INTO recommendation_home (volunteer_id, location_sealed, updated_at) VALUES (:id,"
							+ " :sealed, :now)")
					.param("id", volunteer)
					.param("sealed", sealed)
					.param("now", now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// set at the same moment from another request: the later one stands
				return set(actor, lat, lng);
			}
		}
		return point;
	}

	/** A deregistered volunteer's point is forgotten with the rest of their profile. */
	@EventListener
	void on(VolunteerDeregistered event) {
		this.jdbc.sql("DELETE FROM recommendation_home WHERE volunteer_id = :id")
			.param("id", event.volunteerId())
			.update();
	}

	/** Forgets the caller's point. */
	public void clear(Actor actor) {
		this.jdbc.sql("DELETE FROM recommendation_home WHERE volunteer_id = :id")
			.param("id", this.volunteers.mine(actor).id())
			.update();
	}

	HomePoint of(UUID volunteerId) {
		return this.jdbc.sql("SELECT location_sealed FROM recommendation_home WHERE volunteer_id = :id")
			.param("id", volunteerId)
			.query(String.class)
			.optional()
			.map((sealed) -> {
				String[] parts = this.cipher.open(sealed).split(",");
				return new HomePoint(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
			})
			.orElse(null);
	}

}
