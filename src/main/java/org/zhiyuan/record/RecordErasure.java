package org.zhiyuan.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.zhiyuan.access.ErasureSource;
import org.zhiyuan.access.PersonalDataSource.Subject;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Service records are kept, with their amendments, for at least 10 years after the last
 * one (志愿服务记录与证明出具办法); their rows and hours stay for statistics after that, only the
 * person's name goes (in the volunteer module).
 */
@Component
@Order(30)
class RecordErasure implements ErasureSource {

	/** The years service records are kept after the last one. */
	static final int RETENTION_YEARS = 10;

	private final JdbcClient jdbc;

	RecordErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ErasureItem> erasureOf(Subject subject) {
		long count = this.jdbc.sql("SELECT COUNT(*) FROM service_record WHERE volunteer_id = :id")
			.param("id", subject.volunteerId())
			.query(Long.class)
			.single();
		OffsetDateTime last = this.jdbc.sql("SELECT MAX(ended_at) FROM service_record WHERE volunteer_id = :id")
			.param("id", subject.volunteerId())
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.orElse(null);
		LocalDate from = (last != null) ? last.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
				: LocalDate.now(ZoneOffset.UTC);
		return List
			.of(ErasureItem.keep("record", "erasure.item.serviceRecords", count, from.plusYears(RETENTION_YEARS)));
	}

	@Override
	public void erase(Subject subject) {
		// service records are never erased: after their retention only the name goes
	}

}
