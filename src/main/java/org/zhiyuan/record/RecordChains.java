package org.zhiyuan.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.record.RegionVerification.BrokenChain;
import org.zhiyuan.record.ServiceRecordRepository.AmendmentRow;
import org.zhiyuan.record.ServiceRecordRepository.ChainRow;
import org.zhiyuan.record.ServiceRecordRepository.ResolutionRow;
import org.zhiyuan.record.ServiceRecordRepository.VolunteerRef;
import org.zhiyuan.region.Regions;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.stereotype.Service;

/**
 * Verification of the volunteers' chains of records: each record's hash over its content,
 * flags and link, each amendment's and resolution's hash over the record's, and the
 * effective hours and review that the amendments and the resolution leave.
 */
@Service
public class RecordChains {

	/** At most this many volunteers are checked by one region-wide verification. */
	static final int VERIFY_CAP = 10_000;

	private final ServiceRecordRepository records;

	private final ServiceRecords serviceRecords;

	private final Volunteers volunteers;

	private final AuditLog auditLog;

	RecordChains(ServiceRecordRepository records, ServiceRecords serviceRecords, Volunteers volunteers,
			AuditLog auditLog) {
		this.records = records;
		this.serviceRecords = serviceRecords;
		this.volunteers = volunteers;
		this.auditLog = auditLog;
	}

	/** A volunteer's chain, for those who may read their records. */
	public ChainVerification verify(Actor actor, UUID volunteerId) {
		this.volunteers.read(actor, volunteerId);
		return verify(volunteerId);
	}

	/**
	 * Verifies the chains of a region's volunteers (those with records, at most
	 * {@value #VERIFY_CAP}), for its operators and auditors; the run is audited.
	 */
	public RegionVerification verifyAll(Actor actor, String regionCode) {
		this.serviceRecords.requireOverseer(actor, regionCode);
		List<VolunteerRef> refs = this.records.volunteersWithRecords(Regions.prefixOf(regionCode), VERIFY_CAP + 1);
		boolean capped = refs.size() > VERIFY_CAP;
		List<BrokenChain> broken = new ArrayList<>();
		int recordsChecked = 0;
		int volunteersChecked = 0;
		for (VolunteerRef ref : refs.subList(0, Math.min(refs.size(), VERIFY_CAP))) {
			ChainVerification result = verify(ref.id());
			volunteersChecked++;
			recordsChecked += result.checked();
			if (!result.intact()) {
				broken.add(new BrokenChain(ref.id(), ref.volunteerNumber(), result.brokenAtSequence()));
			}
		}
		this.auditLog.record(AuditRecord.of("record.verify", actor.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail("volunteers " + volunteersChecked + ", broken " + broken.size()));
		return new RegionVerification(regionCode, volunteersChecked, recordsChecked, List.copyOf(broken), capped);
	}

	/**
	 * Recomputes a volunteer's chain, without an access check: for callers that have made
	 * their own decision.
	 */
	public ChainVerification verify(UUID volunteerId) {
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

	/**
	 * The digest of a volunteer's chain, without an access check: its length, the hash of
	 * its last record (which covers every record before it), the Merkle root of the
	 * records' hashes in order (SHA-256 over the pair of hex hashes, the last one of an
	 * odd level paired with itself), and whether the chain verifies.
	 */
	public ChainDigest digest(UUID volunteerId) {
		List<ChainRow> chain = this.records.chainOf(volunteerId);
		List<String> level = chain.stream().map(ChainRow::hash).toList();
		String head = level.isEmpty() ? RecordHashes.GENESIS : level.get(level.size() - 1);
		while (level.size() > 1) {
			List<String> next = new ArrayList<>();
			for (int i = 0; i < level.size(); i += 2) {
				String left = level.get(i);
				String right = (i + 1 < level.size()) ? level.get(i + 1) : left;
				next.add(RecordHashes.sha256(left + right));
			}
			level = next;
		}
		String root = level.isEmpty() ? RecordHashes.GENESIS : level.get(0);
		return new ChainDigest(chain.size(), head, root, verify(volunteerId).intact());
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
