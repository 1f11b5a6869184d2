package org.zhiyuan.certificate;

import java.util.List;

import org.zhiyuan.access.ErasureSource;
import org.zhiyuan.access.PersonalDataSource.Subject;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issued certificates stay in the registry, with the masked name they were issued with,
 * so that anyone holding one can still verify it, as long as the records they prove.
 */
@Component
@Order(40)
class CertificateErasure implements ErasureSource {

	private final JdbcClient jdbc;

	CertificateErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ErasureItem> erasureOf(Subject subject) {
		long count = this.jdbc.sql("SELECT COUNT(*) FROM certificate WHERE volunteer_id = :id")
			.param("id", subject.volunteerId())
			.query(Long.class)
			.single();
		return List.of(ErasureItem.keep("certificate", "erasure.item.certificates", count, null));
	}

	@Override
	public void erase(Subject subject) {
		// the registry keeps its entries
	}

}
