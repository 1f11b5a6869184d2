package db.migration;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The migrations that key a volunteer's tables by the volunteer, on a database in use.
 * V68: each volunteer's time account takes their volunteer's id and keeps its balance,
 * every entry follows its account, and every movement and entry learns the volunteer it
 * lives beside; the platform's accounts keep theirs; a service keeps the balance its hold
 * left. V69: every certificate's number is claimed in the numbers' table, the records a
 * certificate names learn its volunteer, and an idempotency key names one certificate of
 * one volunteer. V70: a record's amendments and resolutions learn its volunteer.
 */
@Tag("db")
class KeyedByVolunteerUpgradeApiTests {

	private static final String NOW = "TIMESTAMP WITH TIME ZONE '2026-11-01 08:00:00+00'";

	@Test
	void volunteersAccountsTakeTheirIdsAndEveryEntryLearnsItsHome() throws Exception {
		String[] server = schemaAt("67");
		UUID giver = UUID.randomUUID();
		UUID receiver = UUID.randomUUID();
		UUID giverAccount = UUID.randomUUID();
		UUID receiverAccount = UUID.randomUUID();
		UUID issuance = UUID.randomUUID();
		UUID holds = UUID.randomUUID();
		UUID deposit = UUID.randomUUID();
		UUID gift = UUID.randomUUID();
		UUID hold = UUID.randomUUID();
		try (Connection connection = DriverManager.getConnection(server[0], server[1], server[2])) {
			volunteer(connection, giver, "giver");
			volunteer(connection, receiver, "receiver");
			account(connection, giverAccount, "V:" + giver, "VOLUNTEER", giver, "6");
			account(connection, receiverAccount, "V:" + receiver, "VOLUNTEER", receiver, "2");
			account(connection, issuance, "ISSUANCE:110105", "ISSUANCE", null, "0");
			account(connection, holds, "HOLDS:110105", "HOLDS", null, "2");
			// 10 hours deposited for the giver, 2 given to the receiver, 2 held for a
			// service
			transfer(connection, deposit, "DEPOSIT", null, giver);
			entry(connection, deposit, issuance, "-10", null, giverAccount, 0);
			entry(connection, deposit, giverAccount, "10", "10", issuance, 1);
			transfer(connection, gift, "GIFT", giver, receiver);
			entry(connection, gift, giverAccount, "-2", "8", receiverAccount, 0);
			entry(connection, gift, receiverAccount, "2", "2", giverAccount, 1);
			transfer(connection, hold, "HOLD", giver, null);
			entry(connection, hold, giverAccount, "-2", "6", holds, 0);
			entry(connection, hold, holds, "2", "2", giverAccount, 1);
			execute(connection, "INSERT INTO time_service (id, volunteer_id, region_code, hours, description, status,"
					+ " hold_transfer_id, ordered_by, created_at) VALUES ('" + UUID.randomUUID() + "', '" + giver
					+ "', '110105', 2, 'a haircut', 'HELD', '" + hold + "', '" + UUID.randomUUID() + "', " + NOW + ")");
		}

		migrate(server, null);

		try (Connection connection = DriverManager.getConnection(server[0], server[1], server[2])) {
			assertThat(
					rows(connection, "SELECT id, balance FROM time_account WHERE kind = 'VOLUNTEER' ORDER BY balance"))
				.containsExactly(receiver + " 2.00", giver + " 6.00");
			assertThat(rows(connection, "SELECT id FROM time_account WHERE kind <> 'VOLUNTEER' ORDER BY kind"))
				.as("the platform's accounts keep their ids")
				.containsExactly(holds.toString(), issuance.toString());
			assertThat(rows(connection, "SELECT COUNT(*) FROM time_account")).containsExactly("4");
			assertThat(rows(connection,
					"SELECT a.id, SUM(e.hours) FROM time_account a JOIN time_entry e ON e.account_id = a.id"
							+ " WHERE a.kind = 'VOLUNTEER' GROUP BY a.id ORDER BY SUM(e.hours)"))
				.as("each volunteer's entries sum to their balance")
				.containsExactly(receiver + " 2.00", giver + " 6.00");
			assertThat(rows(connection,
					"SELECT transfer_id, leg, home_id, counterparty_id FROM time_entry WHERE transfer_id = '" + gift
							+ "' ORDER BY leg"))
				.as("a gift's legs live beside the giver and the receiver, naming each other's accounts")
				.containsExactly(gift + " 0 " + giver + " " + receiver, gift + " 1 " + receiver + " " + giver);
			assertThat(rows(connection,
					"SELECT DISTINCT home_id FROM time_entry WHERE transfer_id IN ('" + deposit + "', '" + hold + "')"))
				.as("a platform account's legs live beside the volunteer they moved hours for")
				.containsExactly(giver.toString());
			assertThat(rows(connection, "SELECT home_id FROM time_transfer ORDER BY kind"))
				.containsExactly(giver.toString(), giver.toString(), giver.toString());
			assertThat(rows(connection, "SELECT hold_balance_after FROM time_service")).containsExactly("6.00");
		}
	}

	@Test
	void certificatesNumbersAreClaimedAndTheirRecordsLearnTheirVolunteer() throws Exception {
		String[] server = schemaAt("68");
		UUID one = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID issuer = UUID.randomUUID();
		try (Connection connection = DriverManager.getConnection(server[0], server[1], server[2])) {
			volunteer(connection, one, "one");
			volunteer(connection, other, "other");
			certificate(connection, first, "ZY-2026-0000-0000-0001", one, issuer);
			certificate(connection, second, "ZY-2026-0000-0000-0002", other, issuer);
			// the records it names, without their rows: only the link is migrated
			execute(connection, TestDatabases.isPostgres() ? "SET session_replication_role = replica"
					: "SET REFERENTIAL_INTEGRITY FALSE");
			for (UUID certificate : List.of(first, first, second)) {
				execute(connection, "INSERT INTO certificate_record (certificate_id, record_id, hours) VALUES ('"
						+ certificate + "', '" + UUID.randomUUID() + "', 2)");
			}
			execute(connection, TestDatabases.isPostgres() ? "SET session_replication_role = DEFAULT"
					: "SET REFERENTIAL_INTEGRITY TRUE");
		}

		migrate(server, null);

		try (Connection connection = DriverManager.getConnection(server[0], server[1], server[2])) {
			assertThat(rows(connection, "SELECT number, volunteer_id FROM certificate_number ORDER BY number"))
				.containsExactly("ZY-2026-0000-0000-0001 " + one, "ZY-2026-0000-0000-0002 " + other);
			assertThat(rows(connection,
					"SELECT certificate_id, volunteer_id, COUNT(*) FROM certificate_record"
							+ " GROUP BY certificate_id, volunteer_id ORDER BY COUNT(*)"))
				.containsExactly(second + " " + other + " 1", first + " " + one + " 2");
			// the same issuer's key names one certificate of each volunteer
			execute(connection, "UPDATE certificate SET idempotency_key = 'k'");
			assertThat(rows(connection, "SELECT COUNT(*) FROM certificate WHERE idempotency_key = 'k'"))
				.containsExactly("2");
		}
	}

	@Test
	void amendmentsAndResolutionsLearnTheirRecordsVolunteer() throws Exception {
		String[] server = schemaAt("69");
		UUID volunteer = UUID.randomUUID();
		UUID record = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		try (Connection connection = DriverManager.getConnection(server[0], server[1], server[2])) {
			volunteer(connection, volunteer, "one");
			// records without their activities and organizations: only the link is
			// migrated
			execute(connection, TestDatabases.isPostgres() ? "SET session_replication_role = replica"
					: "SET REFERENTIAL_INTEGRITY FALSE");
			for (UUID id : List.of(record, other)) {
				execute(connection, "INSERT INTO service_record (id, volunteer_id, activity_id, organization_id, place,"
						+ " content, started_at, ended_at, hours, effective_hours, method, recorded_by, recorded_at,"
						+ " sequence, prev_hash, hash, volunteer_region_code) VALUES ('" + id + "', '" + volunteer
						+ "', '" + UUID.randomUUID() + "', '" + UUID.randomUUID() + "', 'p', 'c', " + NOW + ", " + NOW
						+ ", 2, 2, 'QR', '" + UUID.randomUUID() + "', " + NOW + ", " + (id.equals(record) ? 1 : 2)
						+ ", '" + "0".repeat(64) + "', '" + "1".repeat(64) + "', '110105001')");
			}
			execute(connection, TestDatabases.isPostgres() ? "SET session_replication_role = DEFAULT"
					: "SET REFERENTIAL_INTEGRITY TRUE");
			execute(connection,
					"INSERT INTO record_amendment (id, record_id, requested_by, hours, reason, status,"
							+ " requested_at, amendment_hash) VALUES ('" + UUID.randomUUID() + "', '" + record + "', '"
							+ UUID.randomUUID() + "', 3, 'r', 'PENDING', " + NOW + ", '" + "2".repeat(64) + "')");
			execute(connection, "INSERT INTO record_resolution (id, record_id, outcome, note, decided_by, decided_at,"
					+ " resolution_hash) VALUES ('" + UUID.randomUUID() + "', '" + other + "', 'CONFIRMED', 'n', '"
					+ UUID.randomUUID() + "', " + NOW + ", '" + "3".repeat(64) + "')");
		}

		migrate(server, null);

		try (Connection connection = DriverManager.getConnection(server[0], server[1], server[2])) {
			assertThat(rows(connection, "SELECT record_id, volunteer_id FROM record_amendment"))
				.containsExactly(record + " " + volunteer);
			assertThat(rows(connection, "SELECT record_id, volunteer_id FROM record_resolution"))
				.containsExactly(other + " " + volunteer);
		}
	}

	private static void certificate(Connection connection, UUID id, String number, UUID volunteer, UUID issuer)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO certificate (id, number,"
				+ " volunteer_id, issuer_kind, issuer_name, issued_by, period_from, period_to, language, with_seal,"
				+ " record_count, total_hours, volunteer_name_masked, content_hash, pdf_hash, pdf, issued_at) VALUES"
				+ " (?, ?, ?, 'VOLUNTEER', 'Zhiyuan', ?, DATE '2026-01-01', DATE '2026-10-31', 'zh', FALSE, 2, 4,"
				+ " 'x*', ?, ?, ?, " + NOW + ")")) {
			statement.setObject(1, id);
			statement.setString(2, number);
			statement.setObject(3, volunteer);
			statement.setObject(4, issuer);
			statement.setString(5, "0".repeat(64));
			statement.setString(6, "1".repeat(64));
			statement.setBytes(7, new byte[] { 0 });
			statement.executeUpdate();
		}
	}

	/**
	 * A fresh schema migrated to the version (on the database under test, not on Citus,
	 * which places the tables only after the last migration).
	 */
	private static String[] schemaAt(String version) throws Exception {
		assumeFalse(Boolean.getBoolean("zhiyuan.test.citus"), "Citus places the tables after the last migration");
		String[] server = server();
		migrate(server, version);
		return server;
	}

	/** Migrates to the version, or to the last one when it is null. */
	private static void migrate(String[] server, String version) {
		FluentConfiguration flyway = Flyway.configure()
			.dataSource(server[0], server[1], server[2])
			.locations("classpath:db/migration");
		if (version != null) {
			flyway.target(version);
		}
		flyway.load().migrate();
	}

	private static String[] server() throws Exception {
		if (TestDatabases.isPostgres()) {
			TestDatabases.Server server = TestDatabases.newPostgresSchema();
			return new String[] { server.url(), server.user(), server.password() };
		}
		Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "upgrade-");
		return new String[] { "jdbc:h2:file:" + dir + "/zhiyuan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH", "sa", "" };
	}

	private static void volunteer(Connection connection, UUID id, String name) throws SQLException {
		UUID account = UUID.randomUUID();
		execute(connection,
				"INSERT INTO account (id, username, password_hash, display_name, status, created_at,"
						+ " password_changed_at) VALUES ('" + account + "', '" + name + "', 'x', '" + name
						+ "', 'ACTIVE', " + NOW + ", " + NOW + ")");
		execute(connection, "INSERT INTO volunteer (id, account_id, volunteer_number, name, id_type, id_number_masked,"
				+ " region_code, status, privacy_policy_version, privacy_consented_at, oath_version, oath_accepted_at,"
				+ " registered_at) VALUES ('" + id + "', '" + account + "', '" + name + "', '" + name
				+ "', 'RESIDENT_ID', '1****1', '110105001', 'ACTIVE', '1', " + NOW + ", '1', " + NOW + ", " + NOW
				+ ")");
	}

	private static void account(Connection connection, UUID id, String owner, String kind, UUID volunteer,
			String balance) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("INSERT INTO time_account (id, owner_key, kind, volunteer_id, region_code, balance, owed,"
					+ " created_at) VALUES (?, ?, ?, ?, '110105', ?, 0, " + NOW + ")")) {
			statement.setObject(1, id);
			statement.setString(2, owner);
			statement.setString(3, kind);
			statement.setObject(4, volunteer);
			statement.setBigDecimal(5, new BigDecimal(balance));
			statement.executeUpdate();
		}
	}

	private static void transfer(Connection connection, UUID id, String kind, UUID from, UUID to) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("INSERT INTO time_transfer (id, kind, from_volunteer, to_volunteer, hours, created_at)"
					+ " VALUES (?, ?, ?, ?, 2, " + NOW + ")")) {
			statement.setObject(1, id);
			statement.setString(2, kind);
			statement.setObject(3, from);
			statement.setObject(4, to);
			statement.executeUpdate();
		}
	}

	private static void entry(Connection connection, UUID transfer, UUID account, String hours, String after,
			UUID counterparty, int leg) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("INSERT INTO time_entry (id, transfer_id, account_id, kind, hours, balance_after,"
					+ " counterparty_id, leg, created_at) VALUES (?, ?, ?, 'DEPOSIT', ?, ?, ?, ?, " + NOW + ")")) {
			statement.setObject(1, UUID.randomUUID());
			statement.setObject(2, transfer);
			statement.setObject(3, account);
			statement.setBigDecimal(4, new BigDecimal(hours));
			statement.setBigDecimal(5, (after != null) ? new BigDecimal(after) : null);
			statement.setObject(6, counterparty);
			statement.setInt(7, leg);
			statement.executeUpdate();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Each row as its columns joined by spaces. */
	private static List<String> rows(Connection connection, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					values.add(result.getString(i));
				}
				rows.add(String.join(" ", values));
			}
		}
		return rows;
	}

}
