package org.zhiyuan.volunteer;

import java.util.List;

/** The parts of a profile that a volunteer edits; every list replaces the one held. */
public record ProfileChange(String regionCode, List<VolunteerCategory> categories, List<ProfessionalField> fields,
		List<String> skills, List<String> languages, List<AvailabilitySlot> availability, Contact emergencyContact) {

}
