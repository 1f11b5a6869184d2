package org.zhiyuan.record;

import java.util.UUID;

import org.zhiyuan.signup.ServiceHistory;

import org.springframework.stereotype.Component;

/** Tells sign-ups how many counted services a volunteer has done. */
@Component
class RecordServiceHistory implements ServiceHistory {

	private final ServiceRecordRepository records;

	RecordServiceHistory(ServiceRecordRepository records) {
		this.records = records;
	}

	@Override
	public int countedServices(UUID volunteerId) {
		return this.records.countedServicesOf(volunteerId);
	}

}
