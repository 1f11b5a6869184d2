package org.zhiyuan.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.record.RecordsPageContributor;
import org.zhiyuan.record.RecordsPagePart;
import org.zhiyuan.training.TrainingViews.TrainingRecordView;
import org.zhiyuan.volunteer.QualificationCode;
import org.zhiyuan.volunteer.QualificationCodes;

import org.springframework.stereotype.Component;

/**
 * A volunteer's records page shows their training records beside the service records,
 * with the qualification each pass granted and until when: training hours are listed,
 * never added to service hours.
 */
@Component
class TrainingRecordsPart implements RecordsPageContributor {

	private final TrainingRepository training;

	private final QualificationCodes codes;

	TrainingRecordsPart(TrainingRepository training, QualificationCodes codes) {
		this.training = training;
		this.codes = codes;
	}

	@Override
	public Optional<RecordsPagePart> partFor(UUID volunteerId) {
		List<TrainingRecordView> records = this.training.recordsOf(volunteerId);
		Map<String, QualificationCode> names = new LinkedHashMap<>();
		this.codes.all().forEach((c) -> names.put(c.code(), c));
		return Optional.of(new RecordsPagePart("training/records-part", "part",
				Map.of("records", records, "qualifications", names)));
	}

}
