package org.zhiyuan.training;

import java.util.List;

import org.zhiyuan.activity.QualificationCatalog;
import org.zhiyuan.volunteer.QualificationCodes;

import org.springframework.stereotype.Component;

/**
 * The platform's list of qualification codes, as positions pick their requirements from
 * it: the codes listed from the start and those that courses added.
 */
@Component
class TrainingQualificationCatalog implements QualificationCatalog {

	private final QualificationCodes codes;

	TrainingQualificationCatalog(QualificationCodes codes) {
		this.codes = codes;
	}

	@Override
	public List<Code> codes() {
		return this.codes.all().stream().map((c) -> new Code(c.code(), c.name(), c.nameEn())).toList();
	}

}
