package org.zhiyuan.emergency;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A mobilization's command board: how many were called (in how many waves, and when the
 * next is due), accepted, kept in reserve, declined, mustered and assigned to a task
 * group, how many had their service recorded at the stand-down, and each need against the
 * accepted volunteers who have its skill (and valid qualification and insurance where it
 * asks for them).
 */
public record Board(UUID id, String title, String regionCode, MobilizationStatus status, boolean drill,
		OffsetDateTime assembleAt, AssemblyPoint assemblyPoint, long notified, long accepted, long reserve,
		long declined, long mustered, long assigned, int waves, OffsetDateTime nextWaveAt, int recorded,
		List<NeedCount> needs) {

	/** A need against the accepted volunteers who meet it. */
	public record NeedCount(String skill, int count, QualificationKind qualification, boolean insured, long accepted) {

	}

	/** Where the called assemble. */
	public record AssemblyPoint(String name, double lat, double lng) {

	}

}
