package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a kill in the middle of a gift has left on the embedded database (seen once in
 * {@code TransferCrashIT}): the gift's two entries kept, its movement and balances rolled
 * back. On start-up the entries are removed and the kept balances they touched set again
 * to the sums of their entries; a committed movement is left as it was.
 */
class LedgerLeftoversApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	LedgerLeftovers leftovers;

	@Test
	void entriesOfAMovementCutOffByAKillAreRemovedAndBalancesSetAgain() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			assumeTrue("H2".equals(connection.getMetaData().getDatabaseProductName()),
					"PostgreSQL enforces the movement's key at every write");
		}
		UUID issuance = UUID.randomUUID();
		UUID giver = UUID.randomUUID();
		UUID receiver = UUID.randomUUID();
		UUID deposit = UUID.randomUUID();
		UUID cutOff = UUID.randomUUID();
		account(issuance, "ISSUANCE", "0.00");
		// the giver's deposit was committed; the gift was cut off: its entries stayed,
		// its movement did not, and of the balances only the receiver's was kept written
		account(giver, "VOLUNTEER", "1.00");
		account(receiver, "VOLUNTEER", "0.25");
		this.jdbc
			.sql("INSERT INTO time_transfer (id, home_id, kind, to_volunteer, hours, created_at) VALUES (:id, :home,"
					+ " 'DEPOSIT', :home, 1.00, :now)")
			.param("id", deposit)
			.param("home", giver)
			.param("now", OffsetDateTime.now())
			.update();
		entry(deposit, giver, giver, "DEPOSIT", "1.00", issuance, 1);
		entry(deposit, giver, issuance, "DEPOSIT", "-1.00", giver, 0);
		this.jdbc.sql("ALTER TABLE time_entry SET REFERENTIAL_INTEGRITY FALSE").update();
		try {
			entry(cutOff, giver, giver, "GIFT", "-0.25", receiver, 0);
			entry(cutOff, receiver, receiver, "GIFT", "0.25", giver, 1);
		}
		finally {
			this.jdbc.sql("ALTER TABLE time_entry SET REFERENTIAL_INTEGRITY TRUE NOCHECK").update();
		}
		try {
			assertThat(this.leftovers.remove()).as("entries removed").isEqualTo(2);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM time_entry WHERE transfer_id = :id")
				.param("id", cutOff)
				.query(Long.class)
				.single()).isZero();
			assertThat(balance(giver)).isEqualByComparingTo("1.00");
			assertThat(balance(receiver)).as("the receiver's balance, written by the cut-off gift")
				.isEqualByComparingTo("0.00");
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM time_entry WHERE transfer_id = :id")
				.param("id", deposit)
				.query(Long.class)
				.single()).as("the committed deposit's entries").isEqualTo(2);
			assertThat(this.leftovers.remove()).as("nothing left the second time").isZero();
		}
		finally {
			this.jdbc.sql("DELETE FROM time_entry WHERE transfer_id IN (:ids)")
				.param("ids", java.util.List.of(deposit, cutOff))
				.update();
			this.jdbc.sql("DELETE FROM time_transfer WHERE id = :id").param("id", deposit).update();
			this.jdbc.sql("DELETE FROM time_account WHERE id IN (:ids)")
				.param("ids", java.util.List.of(issuance, giver, receiver))
				.update();
		}
	}

	private void account(UUID id, String kind, String balance) {
		this.jdbc
			.sql("INSERT INTO time_account (id, owner_key, kind, region_code, balance, owed, created_at) VALUES (:id,"
					+ " :owner, :kind, '650502', :balance, 0, :now)")
			.param("id", id)
			.param("owner", "TEST:" + id)
			.param("kind", kind)
			.param("balance", new BigDecimal(balance))
			.param("now", OffsetDateTime.now())
			.update();
	}

	private void entry(UUID transfer, UUID home, UUID account, String kind, String hours, UUID counterparty, int leg) {
		this.jdbc
			.sql("INSERT INTO time_entry (id, home_id, transfer_id, account_id, kind, hours, counterparty_id, leg,"
					+ " created_at) VALUES (:id, :home, :transfer, :account, :kind, :hours, :counterparty, :leg, :now)")
			.param("id", UUID.randomUUID())
			.param("home", home)
			.param("transfer", transfer)
			.param("account", account)
			.param("kind", kind)
			.param("hours", new BigDecimal(hours))
			.param("counterparty", counterparty)
			.param("leg", leg)
			.param("now", OffsetDateTime.now())
			.update();
	}

	private BigDecimal balance(UUID account) {
		return this.jdbc.sql("SELECT balance FROM time_account WHERE id = :id")
			.param("id", account)
			.query(BigDecimal.class)
			.single();
	}

}
