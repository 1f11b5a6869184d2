package org.zhiyuan.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.zhiyuan.record.ServiceRecordRepository.AmendmentRow;
import org.zhiyuan.record.ServiceRecordRepository.ChainRow;
import org.zhiyuan.record.ServiceRecordRepository.ResolutionRow;

import org.springframework.stereotype.Component;

/**
 * Recomputes a volunteer's chain of records: each record's hash over its content, flags
 * and link, each amendment's and resolution's hash over the record's, and the effective
 * hours and review that the amendments and the resolution leave.
 */
@Component
class RecordChains {

	private final ServiceRecordRepository records;

	RecordChains(ServiceRecordRepository records) {
		this.records = records;
	}

	ChainVerification verify(UUID volunteerId) {
		List<ChainRow> chain = this.records.chainOf(volunteerId);
		Map<UUID, List<AmendmentRow>> amendments = new HashMap<>();
		for (AmendmentRow amendment : this.records.amendmentRowsOfVolunteer(volunteerId)) {
			amendments.computeIfAbsent(amendment.recordId(), (id) -> new ArrayList<>()).add(amendment);
		}
		Map<UUID, List<ResolutionRow>> resolutions = new HashMap<>();
		for (ResolutionRow resolution : this.records.resolutionRowsOfVolunteer(volunteerId)) {
			resolutions.computeIfAbsent(resolution.recordId(), (id) -> new ArrayList<>()).add(resolution);
		}
		String previous = RecordHashes.GENESIS;
		int checked = 0;
		for (ChainRow row : chain) {
			checked++;
			if (!intact(row, checked, previous, amendments.getOrDefault(row.id(), List.of()))
					|| !reviewed(row, resolutions.getOrDefault(row.id(), List.of()))) {
				return new ChainVerification(checked, (int) row.sequence(), false);
			}
			previous = row.hash();
		}
		return new ChainVerification(checked, null, true);
	}

	private static boolean intact(ChainRow row, int position, String previous, List<AmendmentRow> amendments) {
		String expected = RecordHashes.ofRecord(row.volunteerId(), row.sequence(), row.activityId(),
				row.organizationId(), row.startedAt(), row.endedAt(), row.hours(), row.method(), row.recordedBy(),
				row.prevHash(), row.flags(), row.held());
		if (row.sequence() != position || !row.prevHash().equals(previous) || !row.hash().equals(expected)
				|| !Objects.equals(row.flagsText(), RecordHashes.flagsText(row.flags()))) {
			return false;
		}
		BigDecimal effective = row.hours();
		for (AmendmentRow amendment : amendments) {
			String amendmentHash = RecordHashes.ofAmendment(row.hash(), amendment.id(), amendment.startedAt(),
					amendment.endedAt(), amendment.hours(), amendment.reason(), amendment.requestedBy(),
					amendment.requestedAt(), amendment.status(), amendment.decidedBy(), amendment.decidedAt(),
					amendment.decisionNote());
			if (!amendmentHash.equals(amendment.hash())) {
				return false;
			}
			if (amendment.status() == AmendmentStatus.APPROVED) {
				effective = amendment.hours();
			}
		}
		return effective.compareTo(row.effectiveHours()) == 0;
	}

	/** Whether the record's review is the one its flags and its resolution leave. */
	private static boolean reviewed(ChainRow row, List<ResolutionRow> resolutions) {
		RecordReview expected = RecordReview.initial(row.held(), row.flags());
		if (resolutions.size() > 1) {
			return false;
		}
		for (ResolutionRow resolution : resolutions) {
			if (resolution.outcome() == null || !expected.isOpen()
					|| !RecordHashes
						.ofResolution(row.hash(), resolution.id(), resolution.outcome(), resolution.note(),
								resolution.decidedBy(), resolution.decidedAt())
						.equals(resolution.hash())) {
				return false;
			}
			expected = resolution.outcome().review();
		}
		return expected == row.review();
	}

}
