package org.zhiyuan.volunteer;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.zhiyuan.access.PersonalDataSection;

/**
 * All data held on a volunteer, as they download it (PIPL art. 45): the profile and
 * memberships, then every section the platform's modules hold on them (consents,
 * sign-ups, attendance, service records and amendments, certificates, notifications, who
 * else read their data; see {@link org.zhiyuan.access.PersonalDataSource}), each under
 * its own name.
 */
public record VolunteerDataExport(VolunteerProfile profile, List<VolunteerMemberships.Membership> memberships,
		OffsetDateTime exportedAt, @JsonIgnore List<PersonalDataSection> sections) {

	public VolunteerDataExport {
		sections = List.copyOf(sections);
	}

	/** The sections by name, in their order, as the JSON download shows them. */
	@JsonAnyGetter
	public Map<String, List<?>> held() {
		Map<String, List<?>> held = new LinkedHashMap<>();
		this.sections.forEach((section) -> held.put(section.name(), section.rows()));
		return held;
	}

}
