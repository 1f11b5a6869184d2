package org.zhiyuan.volunteer;

import java.util.List;

/**
 * Everything the platform holds on a volunteer, as shown to the volunteer and to those
 * allowed to see it: still no full ID number.
 */
public record VolunteerProfile(VolunteerView volunteer, List<VolunteerCategory> categories,
		List<ProfessionalField> fields, List<String> skills, List<String> languages,
		List<AvailabilitySlot> availability, Contact emergencyContact, List<Qualification> qualifications,
		List<PartyReportIn> partyReportIns, GuardianView guardian) {

}
