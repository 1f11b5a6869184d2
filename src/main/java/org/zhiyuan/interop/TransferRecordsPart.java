package org.zhiyuan.interop;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.record.RecordMethod;
import org.zhiyuan.record.RecordsPageContributor;
import org.zhiyuan.record.RecordsPagePart;
import org.zhiyuan.record.ServiceRecords;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the volunteer's records page: moving the records to another platform (the package to
 * download, when there are records recorded here) and bringing records from one.
 */
@Component
class TransferRecordsPart implements RecordsPageContributor {

	private final ServiceRecords records;

	private final JdbcClient jdbc;

	TransferRecordsPart(ServiceRecords records, JdbcClient jdbc) {
		this.records = records;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<RecordsPagePart> partFor(UUID volunteerId) {
		boolean hasRecords = this.records
			.recordsForCertificate(volunteerId, LocalDate.of(1949, 10, 1),
					LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1))
			.stream()
			.anyMatch((record) -> record.method() != RecordMethod.TRANSFER);
		int transferred = this.jdbc.sql("SELECT COUNT(*) FROM transferred_record WHERE volunteer_id = :v")
			.param("v", volunteerId)
			.query(Integer.class)
			.single();
		return Optional.of(new RecordsPagePart("interop/records-part", "transfer",
				Map.of("hasRecords", hasRecords, "transferred", transferred)));
	}

}
