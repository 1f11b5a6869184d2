package org.zhiyuan.pairing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How steadily a person has been accompanied in a pairing: the volunteers they had, how
 * often the volunteer changed (all told and in the last twelve months), and the score,
 * from 0 to 100: the share of the paired days that the longest-serving volunteer (or the
 * team) served. 100 is one volunteer throughout; frequent changes drive it down.
 */
public record Continuity(UUID pairingId, String beneficiaryNameMasked, KeyGroup keyGroup, String regionCode,
		String organizationName, PairingStatus status, LocalDate startsOn, long pairedDays, int distinctVolunteers,
		int volunteerChanges, int changesLastYear, int score) {

}
