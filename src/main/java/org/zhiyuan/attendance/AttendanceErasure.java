package org.zhiyuan.attendance;

import java.util.List;

import org.zhiyuan.access.ErasureSource;
import org.zhiyuan.access.PersonalDataSource.Subject;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A service under way (checked in, not yet out) blocks an erasure until it ends. */
@Component
@Order(20)
class AttendanceErasure implements ErasureSource {

	private final JdbcClient jdbc;

	AttendanceErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ErasureItem> erasureOf(Subject subject) {
		long open = this.jdbc.sql("SELECT COUNT(*) FROM attendance WHERE volunteer_id = :id AND checked_out_at IS NULL")
			.param("id", subject.volunteerId())
			.query(Long.class)
			.single();
		return (open > 0) ? List.of(ErasureItem.block("attendance", "erasure.item.serviceUnderWay", open)) : List.of();
	}

	@Override
	public void erase(Subject subject) {
		// check-ins become service records, which are kept
	}

}
