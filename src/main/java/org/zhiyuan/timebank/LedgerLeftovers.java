package org.zhiyuan.timebank;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes, on start-up on the embedded database, the time bank entries that a process
 * killed in the middle of a movement left behind. A movement's row is written first and
 * its entries after it, in one transaction; H2 has been seen, after a kill, to keep a cut
 * off transaction's entries while rolling back its movement and balances (the entries
 * then name a movement that does not exist, which its foreign key forbids). Those entries
 * were never committed: they are deleted, and the kept balances of the accounts they
 * touched are set again to the sum of their entries. PostgreSQL enforces the key at every
 * write and needs none of this; nothing runs there.
 */
@Component
class LedgerLeftovers implements InitializingBean {

	private static final Logger LOG = LoggerFactory.getLogger(LedgerLeftovers.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate writing;

	LedgerLeftovers(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.writing = new TransactionTemplate(transactions);
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
				return;
			}
		}
		int removed = remove();
		if (removed > 0) {
			LOG.warn("Removed {} time bank entries of movements cut off by an unclean shutdown", removed);
		}
	}

	/** Removes the entries of movements that do not exist; how many. */
	int remove() {
		Integer removed = this.writing.execute((status) -> {
			List<UUID> accounts = this.jdbc
				.sql("SELECT DISTINCT e.account_id FROM time_entry e WHERE NOT EXISTS (SELECT 1 FROM time_transfer t"
						+ " WHERE t.id = e.transfer_id)")
				.query(UUID.class)
				.list();
			if (accounts.isEmpty()) {
				return 0;
			}
			int deleted = this.jdbc
				.sql("DELETE FROM time_entry e WHERE NOT EXISTS (SELECT 1 FROM time_transfer t WHERE t.id ="
						+ " e.transfer_id)")
				.update();
			// the platform's issuance and transferred-in accounts keep no balance of
			// their entries
			this.jdbc
				.sql("UPDATE time_account a SET balance = COALESCE((SELECT SUM(e.hours) FROM time_entry e WHERE"
						+ " e.account_id = a.id), 0) WHERE a.id IN (:accounts) AND a.kind NOT IN ('ISSUANCE',"
						+ " 'TRANSFERRED_IN')")
				.param("accounts", accounts)
				.update();
			return deleted;
		});
		return (removed != null) ? removed : 0;
	}

}
