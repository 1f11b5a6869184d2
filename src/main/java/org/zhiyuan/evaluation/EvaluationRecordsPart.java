package org.zhiyuan.evaluation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.RecordsPageContributor;
import org.zhiyuan.record.RecordsPagePart;
import org.zhiyuan.record.ServiceRecordView;
import org.zhiyuan.record.ServiceRecords;

import org.springframework.stereotype.Component;

/**
 * A volunteer's records page shows, for each counted service, what the organization said
 * of it and the volunteer's own rating of the activity, with a form to rate the activity
 * while the record's window is open. Records past the window with neither are left out.
 */
@Component
class EvaluationRecordsPart implements RecordsPageContributor {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private final ServiceRecords records;

	private final Evaluations evaluations;

	EvaluationRecordsPart(ServiceRecords records, Evaluations evaluations) {
		this.records = records;
		this.evaluations = evaluations;
	}

	@Override
	public Optional<RecordsPagePart> partFor(UUID volunteerId) {
		List<ServiceRecordView> counted = this.records
			.recordsForCertificate(volunteerId, EARLIEST, LocalDate.now(CHINA).plusDays(1))
			.stream()
			.filter((r) -> r.method() != RecordMethod.TRANSFER)
			.sorted(Comparator.comparing(ServiceRecordView::startedAt).reversed())
			.toList();
		List<UUID> ids = counted.stream().map(ServiceRecordView::id).toList();
		Map<UUID, EvaluationView> said = this.evaluations.evaluationsOf(ids);
		Map<UUID, ActivityRatingView> rated = this.evaluations.ratingsOf(ids);
		List<Item> items = new ArrayList<>();
		for (ServiceRecordView record : counted) {
			boolean open = Evaluations.isOpen(record);
			if (open || said.containsKey(record.id()) || rated.containsKey(record.id())) {
				items.add(new Item(record, said.get(record.id()), rated.get(record.id()), open,
						Evaluations.closesAt(record.recordedAt())));
			}
		}
		return Optional.of(new RecordsPagePart("evaluation/records-part", "part", Map.of("items", items)));
	}

	/**
	 * One counted record on the page: the organization's evaluation and the volunteer's
	 * rating, each {@code null} when not given, and whether the rating may still change.
	 */
	record Item(ServiceRecordView record, EvaluationView evaluation, ActivityRatingView rating, boolean open,
			java.time.OffsetDateTime closesAt) {

	}

}
