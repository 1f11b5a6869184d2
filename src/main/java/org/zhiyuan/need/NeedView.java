package org.zhiyuan.need;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.zhiyuan.shared.ServiceField;

/**
 * A need as its viewer may see it. {@code address}, {@code lat}/{@code lng} and the
 * resident are given only to those who serve or oversee it and to the resident; the
 * volunteers coming are named with masked phones, never more.
 */
public record NeedView(UUID id, NeedStatus status, String title, String description, ServiceField field,
		String regionCode, String address, Double lat, Double lng, OffsetDateTime wantedFrom, OffsetDateTime wantedTo,
		UUID menuItemId, UUID organizationId, String organizationName, Person resident, List<Person> volunteers,
		OffsetDateTime submittedAt, OffsetDateTime dispatchedAt, OffsetDateTime acceptedAt, OffsetDateTime startedAt,
		OffsetDateTime endedAt, OffsetDateTime doneAt, OffsetDateTime ratedAt, Integer stars, String ratingComment,
		NeedOverdue overdue, OffsetDateTime overdueSince, List<Step> timeline) {

	/** A person on a need: their name and masked phone. */
	@Schema(name = "NeedPerson")
	public record Person(UUID id, String name, String phoneMasked) {

	}

	/** A step of the timeline, with the organization it concerns. */
	@Schema(name = "NeedStep")
	public record Step(NeedEventKind kind, OffsetDateTime at, UUID organizationId, String organizationName,
			String detail) {

	}

	/** Whether the viewer was given the resident's address and person. */
	public boolean detailed() {
		return this.address != null;
	}

}
