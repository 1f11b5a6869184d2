package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A change of a counted fact, as the outbox holds it until it is folded ({@code id} is
 * {@code 0} before it is stored). A {@link Kind#VOLUNTEER} row is the volunteer as they
 * count now: region, gender, birth year, categories ({@code attributes}) and whether they
 * are registered ({@code counted}); an {@link Kind#ACTIVITY} row the activity's region,
 * month of start and field, counted when published and not cancelled; an
 * {@link Kind#ORGANIZATION} row the organization's region and fields, counted when
 * active; a {@link Kind#SERVICE} row one record's change of counted hours, in the region
 * the volunteer lived in when it was written, its month and its activity's field. Service
 * and activity rows also name the activity's organization and project ({@code null}:
 * none).
 */
record OutboxRow(long id, Kind kind, UUID subjectId, UUID volunteerId, String regionCode, String gender,
		String birthYear, String attributes, String field, String period, boolean counted, BigDecimal hoursBefore,
		BigDecimal hoursAfter, UUID organizationId, UUID projectId) {

	/** A row of a volunteer or an organization, which names no activity. */
	OutboxRow(long id, Kind kind, UUID subjectId, UUID volunteerId, String regionCode, String gender, String birthYear,
			String attributes, String field, String period, boolean counted, BigDecimal hoursBefore,
			BigDecimal hoursAfter) {
		this(id, kind, subjectId, volunteerId, regionCode, gender, birthYear, attributes, field, period, counted,
				hoursBefore, hoursAfter, null, null);
	}

	enum Kind {

		VOLUNTEER, SERVICE, ACTIVITY, ORGANIZATION

	}

}
