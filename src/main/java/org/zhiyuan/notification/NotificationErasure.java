package org.zhiyuan.notification;

import java.util.List;

import org.zhiyuan.access.ErasureSource;
import org.zhiyuan.access.PersonalDataSource.Subject;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The person's notifications go with the erasure. */
@Component
@Order(50)
class NotificationErasure implements ErasureSource {

	private final JdbcClient jdbc;

	NotificationErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ErasureItem> erasureOf(Subject subject) {
		long count = this.jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = :id")
			.param("id", subject.accountId())
			.query(Long.class)
			.single();
		return List.of(ErasureItem.erase("notification", "erasure.item.notifications", count));
	}

	@Override
	public void erase(Subject subject) {
		this.jdbc.sql("DELETE FROM notification WHERE account_id = :id").param("id", subject.accountId()).update();
	}

}
