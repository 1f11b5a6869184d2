package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The time bank's tables. Entries and movements are only ever inserted; an account's
 * balance and owed hours change only under its row lock ({@link #lock}), in the
 * transaction that inserts the entries that explain the change.
 */
@Repository
class TimeBankRepository {

	private final JdbcClient jdbc;

	TimeBankRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// accounts

	/** Opens the account unless it is open; two callers at once open it once. */
	void open(UUID id, String ownerKey, AccountKind kind, UUID volunteerId, String regionCode, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO time_account (id, owner_key, kind, volunteer_id, region_code, balance, owed, created_at)"
					+ " VALUES (:id, :owner, :kind, :volunteer, :region, 0, 0, :now) ON CONFLICT DO NOTHING")
			.param("id", id)
			.param("owner", ownerKey)
			.param("kind", kind.name())
			.param("volunteer", volunteerId)
			.param("region", regionCode)
			.param("now", now)
			.update();
	}

	Optional<UUID> accountIdOf(String ownerKey) {
		return this.jdbc.sql("SELECT id FROM time_account WHERE owner_key = :owner")
			.param("owner", ownerKey)
			.query(UUID.class)
			.optional();
	}

	/** The account, locked until the end of the transaction. */
	Balance lock(UUID accountId) {
		return this.jdbc.sql("SELECT id, balance, owed FROM time_account WHERE id = :id FOR UPDATE")
			.param("id", accountId)
			.query((rs, n) -> new Balance(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.single();
	}

	/**
	 * Locks the accounts one by one, in the order of their ids as text (the database's
	 * order of UUIDs), and returns their balances by id. One statement each: on a cluster
	 * two volunteers' accounts live on two shards, and a row is locked where it lives.
	 */
	Map<UUID, Balance> lockAll(List<UUID> accountIds) {
		Map<UUID, Balance> found = new LinkedHashMap<>();
		accountIds.stream()
			.distinct()
			.sorted(java.util.Comparator.comparing(UUID::toString))
			.forEach((id) -> this.jdbc.sql("SELECT id, balance, owed FROM time_account WHERE id = :id FOR UPDATE")
				.param("id", id)
				.query((rs, n) -> new Balance(rs.getObject(1, UUID.class), rs.getBigDecimal(2), rs.getBigDecimal(3)))
				.optional()
				.ifPresent((balance) -> found.put(balance.id(), balance)));
		return found;
	}

	void setBalance(UUID accountId, BigDecimal balance, BigDecimal owed) {
		this.jdbc.sql("UPDATE time_account SET balance = :balance, owed = :owed WHERE id = :id")
			.param("id", accountId)
			.param("balance", balance)
			.param("owed", owed)
			.update();
	}

	/**
	 * The new balances and owed hours of several locked accounts (a gift changes two),
	 * each where it lives.
	 */
	void setBalances(Map<UUID, BigDecimal[]> balanceAndOwed) {
		balanceAndOwed.forEach((account, values) -> setBalance(account, values[0], values[1]));
	}

	Optional<Stored> account(UUID accountId) {
		return this.jdbc
			.sql("SELECT id, kind, volunteer_id, region_code, balance, owed FROM time_account WHERE id = :id")
			.param("id", accountId)
			.query(TimeBankRepository::stored)
			.optional();
	}

	Optional<Stored> accountOfVolunteer(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT id, kind, volunteer_id, region_code, balance, owed FROM time_account WHERE id = :volunteer"
					+ " AND kind = 'VOLUNTEER'")
			.param("volunteer", volunteerId)
			.query(TimeBankRepository::stored)
			.optional();
	}

	/**
	 * The sums of a volunteer account's entries by kind and direction (all of them live
	 * beside the volunteer, whose id is the account's).
	 */
	Totals totals(UUID accountId) {
		return this.jdbc
			.sql("SELECT"
					+ " COALESCE(SUM(CASE WHEN kind IN ('DEPOSIT', 'CORRECTION', 'SETTLEMENT') THEN hours END), 0),"
					+ " COALESCE(SUM(CASE WHEN kind = 'CAP_SWEEP' THEN -hours END), 0),"
					+ " COALESCE(SUM(CASE WHEN kind = 'GIFT' AND hours > 0 THEN hours END), 0),"
					+ " COALESCE(SUM(CASE WHEN kind = 'GIFT' AND hours < 0 THEN -hours END), 0),"
					+ " COALESCE(SUM(CASE WHEN kind = 'TRANSFER_IN' AND hours > 0 THEN hours END), 0),"
					+ " COALESCE(SUM(CASE WHEN kind = 'TRANSFER_OUT' AND hours < 0 THEN -hours END), 0)"
					+ " FROM time_entry WHERE home_id = :account AND account_id = :account")
			.param("account", accountId)
			.query((rs, n) -> new Totals(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)))
			.single();
	}

	// movements

	void insertTransfer(UUID id, UUID homeId, String kind, UUID recordId, UUID correctsId, UUID fromVolunteer,
			UUID toVolunteer, BigDecimal hours, String memo, UUID actorAccountId, String idempotencyKey,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO time_transfer (id, home_id, kind, record_id, corrects_id, from_volunteer, to_volunteer,"
					+ " hours, memo, actor_account_id, idempotency_key, created_at) VALUES (:id, :home, :kind, :record,"
					+ " :corrects, :from, :to, :hours, :memo, :actor, :key, :now)")
			.param("id", id)
			.param("home", homeId)
			.param("kind", kind)
			.param("record", recordId)
			.param("corrects", correctsId)
			.param("from", fromVolunteer)
			.param("to", toVolunteer)
			.param("hours", hours)
			.param("memo", memo)
			.param("actor", actorAccountId)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	/**
	 * A movement's entries in one statement, each with its place in the movement (leg) in
	 * the order given.
	 */
	void insertEntries(UUID transferId, List<NewEntry> entries, OffsetDateTime now) {
		StringBuilder sql = new StringBuilder("INSERT INTO time_entry (id, home_id, transfer_id, account_id, kind,"
				+ " hours, balance_after, counterparty_id, leg, created_at) VALUES ");
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("transfer", transferId);
		params.put("now", now);
		for (int i = 0; i < entries.size(); i++) {
			NewEntry entry = entries.get(i);
			sql.append((i > 0) ? ", " : "")
				.append("(:id")
				.append(i)
				.append(", :home")
				.append(i)
				.append(", :transfer, :account")
				.append(i)
				.append(", :kind")
				.append(i)
				.append(", :hours")
				.append(i)
				.append(", CAST(:after")
				.append(i)
				.append(" AS NUMERIC(12, 2)), :counterparty")
				.append(i)
				.append(", ")
				.append(i)
				.append(", :now)");
			params.put("id" + i, entry.id());
			params.put("home" + i, entry.home());
			params.put("account" + i, entry.account());
			params.put("kind" + i, entry.kind().name());
			params.put("hours" + i, entry.hours());
			params.put("after" + i, entry.balanceAfter());
			params.put("counterparty" + i, entry.counterparty());
		}
		this.jdbc.sql(sql.toString()).params(params).update();
	}

	/**
	 * An entry to write with {@link #insertEntries}, beside the volunteer named by
	 * {@code home}.
	 */
	record NewEntry(UUID id, UUID home, UUID account, EntryKind kind, BigDecimal hours, BigDecimal balanceAfter,
			UUID counterparty) {

	}

	/** The first movement of a volunteer's record (its deposit), if any. */
	Optional<UUID> firstTransferOfRecord(UUID recordId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT id FROM time_transfer WHERE home_id = :volunteer AND record_id = :record ORDER BY created_at,"
					+ " id FETCH FIRST 1 ROWS ONLY")
			.param("volunteer", volunteerId)
			.param("record", recordId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * The hours a record's movements left in an account (for the pool: swept, not taken
	 * back).
	 */
	BigDecimal recordHoursIn(UUID recordId, UUID volunteerId, UUID accountId) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(e.hours), 0) FROM time_entry e JOIN time_transfer t ON t.home_id = e.home_id AND"
					+ " t.id = e.transfer_id WHERE e.home_id = :volunteer AND t.record_id = :record AND e.account_id ="
					+ " :account")
			.param("volunteer", volunteerId)
			.param("record", recordId)
			.param("account", accountId)
			.query(BigDecimal.class)
			.single();
	}

	/** The gift the volunteer made with the key, with their balance after it. */
	Optional<GiftRow> giftByKey(UUID volunteerId, UUID actorAccountId, String key) {
		return this.jdbc
			.sql("SELECT t.id, t.from_volunteer, t.to_volunteer, t.hours, e.balance_after, t.memo, t.created_at FROM"
					+ " time_transfer t JOIN time_entry e ON e.home_id = t.home_id AND e.transfer_id = t.id AND"
					+ " e.hours < 0 WHERE t.home_id = :volunteer AND t.actor_account_id = :actor AND"
					+ " t.idempotency_key = :key AND t.kind = 'GIFT'")
			.param("volunteer", volunteerId)
			.param("actor", actorAccountId)
			.param("key", key)
			.query((rs, n) -> new GiftRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6),
					rs.getObject(7, OffsetDateTime.class)))
			.optional();
	}

	/**
	 * The hours a volunteer moved out with the key, and their balance after it, if they
	 * did.
	 */
	Optional<OutRow> transferOutByKey(UUID volunteerId, UUID actorAccountId, String key) {
		return this.jdbc
			.sql("SELECT t.id, t.from_volunteer, t.hours, e.balance_after, t.created_at FROM time_transfer t JOIN"
					+ " time_entry e ON e.home_id = t.home_id AND e.transfer_id = t.id AND e.hours < 0 WHERE"
					+ " t.home_id = :volunteer AND t.actor_account_id = :actor AND t.idempotency_key = :key AND"
					+ " t.kind = 'TRANSFER_OUT'")
			.param("volunteer", volunteerId)
			.param("actor", actorAccountId)
			.param("key", key)
			.query((rs, n) -> new OutRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3),
					rs.getBigDecimal(4), rs.getObject(5, OffsetDateTime.class)))
			.optional();
	}

	/** The hours of a movement whose row was claimed before they were known. */
	void setTransferHours(UUID transferId, UUID homeId, BigDecimal hours) {
		this.jdbc.sql("UPDATE time_transfer SET hours = :hours WHERE home_id = :home AND id = :id")
			.param("home", homeId)
			.param("hours", hours)
			.param("id", transferId)
			.update();
	}

	/** Whether the move of another installation was credited here to the volunteer. */
	boolean originCredited(UUID volunteerId, String origin, String originTransferId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM time_transfer WHERE home_id = :volunteer AND origin = :origin AND"
					+ " origin_transfer_id = :id")
			.param("volunteer", volunteerId)
			.param("origin", origin)
			.param("id", originTransferId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Writes the row of a movement that credits the move of another installation, named
	 * by its origin and id (unique together), before its legs.
	 */
	void insertTransferFromOrigin(UUID id, String kind, UUID toVolunteer, BigDecimal hours, UUID actorAccountId,
			String origin, String originTransferId, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO time_transfer (id, home_id, kind, to_volunteer, hours, actor_account_id, origin,"
					+ " origin_transfer_id, created_at) VALUES (:id, :to, :kind, :to, :hours, :actor, :origin,"
					+ " :originId, :now)")
			.param("id", id)
			.param("kind", kind)
			.param("to", toVolunteer)
			.param("hours", hours)
			.param("actor", actorAccountId)
			.param("origin", origin)
			.param("originId", originTransferId)
			.param("now", now)
			.update();
	}

	/**
	 * Whether a movement of the volunteer's was made with the key by the account, of any
	 * kind.
	 */
	boolean keyUsed(UUID volunteerId, UUID actorAccountId, String key) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM time_transfer WHERE home_id = :volunteer AND actor_account_id = :actor AND"
					+ " idempotency_key = :key")
			.param("volunteer", volunteerId)
			.param("actor", actorAccountId)
			.param("key", key)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A volunteer account's entries, newest first, with their movements and the accounts
	 * on the other side. The entries live beside the volunteer; a gift's movement beside
	 * its giver, who is the other side of a gift received: the movements are read by the
	 * homes they can have, and the other sides by their ids.
	 */
	PageResult<EntryRow> entries(UUID accountId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM time_entry WHERE home_id = :account AND account_id = :account")
			.param("account", accountId)
			.query(Long.class)
			.single();
		List<Leg> legs = this.jdbc
			.sql("SELECT id, kind, hours, balance_after, counterparty_id, transfer_id, created_at FROM time_entry"
					+ " WHERE home_id = :account AND account_id = :account ORDER BY created_at DESC, leg DESC OFFSET"
					+ " :offset ROWS FETCH FIRST :size ROWS ONLY")
			.param("account", accountId)
			.param("offset", page.offset())
			.param("size", page.size())
			.query((rs, n) -> new Leg(rs.getObject(1, UUID.class), EntryKind.valueOf(rs.getString(2)),
					rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
					rs.getObject(7, OffsetDateTime.class)))
			.list();
		if (legs.isEmpty()) {
			return new PageResult<>(List.of(), page.page(), page.size(), total);
		}
		List<UUID> others = legs.stream().map(Leg::counterparty).distinct().toList();
		Map<UUID, Stored> counterparties = new java.util.HashMap<>();
		this.jdbc.sql("SELECT id, kind, volunteer_id, region_code, balance, owed FROM time_account WHERE id IN (:ids)")
			.param("ids", others)
			.query(TimeBankRepository::stored)
			.list()
			.forEach((account) -> counterparties.put(account.id(), account));
		List<UUID> homes = new ArrayList<>(others);
		homes.add(accountId);
		Map<UUID, Object[]> transfers = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT id, record_id, corrects_id, memo FROM time_transfer WHERE home_id IN (:homes) AND id IN"
					+ " (:ids)")
			.param("homes", homes)
			.param("ids", legs.stream().map(Leg::transfer).distinct().toList())
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
							rs.getObject(3, UUID.class), rs.getString(4) })
			.list()
			.forEach((transfer) -> transfers.put((UUID) transfer[0], transfer));
		List<EntryRow> items = legs.stream().map((leg) -> {
			Stored other = counterparties.get(leg.counterparty());
			Object[] transfer = transfers.get(leg.transfer());
			return new EntryRow(leg.id(), leg.kind(), leg.hours(), leg.balanceAfter(), other.kind(),
					other.volunteerId(), other.regionCode(), (UUID) transfer[1], leg.transfer(), (UUID) transfer[2],
					(String) transfer[3], leg.createdAt());
		}).toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private record Leg(UUID id, EntryKind kind, BigDecimal hours, BigDecimal balanceAfter, UUID counterparty,
			UUID transfer, OffsetDateTime createdAt) {

	}

	// relatives

	void declareRelative(UUID id, UUID volunteerId, UUID relativeId, Relation relation, OffsetDateTime now) {
		int updated = this.jdbc
			.sql("UPDATE time_relative SET id = :id, relation = :relation, status = 'PENDING', declared_at = :now,"
					+ " decided_at = NULL WHERE volunteer_id = :volunteer AND relative_id = :relative")
			.param("id", id)
			.param("volunteer", volunteerId)
			.param("relative", relativeId)
			.param("relation", relation.name())
			.param("now", now)
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO time_relative (id, volunteer_id, relative_id, relation, status, declared_at) VALUES"
						+ " (:id, :volunteer, :relative, :relation, 'PENDING', :now)")
				.param("id", id)
				.param("volunteer", volunteerId)
				.param("relative", relativeId)
				.param("relation", relation.name())
				.param("now", now)
				.update();
		}
	}

	private static final String RELATIVE = "SELECT id, volunteer_id, relative_id, relation, status, declared_at,"
			+ " decided_at FROM time_relative";

	Optional<RelativeRow> relative(UUID id) {
		return this.jdbc.sql(RELATIVE + " WHERE id = :id")
			.param("id", id)
			.query(TimeBankRepository::relative)
			.optional();
	}

	/** The declarations between two volunteers, in either direction. */
	List<RelativeRow> relativesBetween(UUID one, UUID other) {
		return this.jdbc
			.sql(RELATIVE + " WHERE (volunteer_id = :one AND relative_id = :other) OR (volunteer_id = :other AND"
					+ " relative_id = :one)")
			.param("one", one)
			.param("other", other)
			.query(TimeBankRepository::relative)
			.list();
	}

	/** Every declaration a volunteer made or is named in, newest first. */
	List<RelativeRow> relativesOf(UUID volunteerId) {
		return this.jdbc
			.sql(RELATIVE + " WHERE volunteer_id = :volunteer OR relative_id = :volunteer ORDER BY declared_at DESC")
			.param("volunteer", volunteerId)
			.query(TimeBankRepository::relative)
			.list();
	}

	/** Decides a declaration that is in one of the given states; tells whether it was. */
	boolean decideRelative(UUID id, List<RelativeStatus> from, RelativeStatus to, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE time_relative SET status = :to, decided_at = :now WHERE id = :id AND status IN (:from)")
			.param("id", id)
			.param("to", to.name())
			.param("from", from.stream().map(Enum::name).toList())
			.param("now", now)
			.update() == 1;
	}

	// services

	void insertService(UUID id, UUID volunteerId, String regionCode, BigDecimal hours, String description,
			UUID holdTransferId, BigDecimal balanceAfterHold, UUID orderedBy, String idempotencyKey,
			OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO time_service (id, volunteer_id, region_code, hours, description, status, hold_transfer_id,"
					+ " hold_balance_after, ordered_by, idempotency_key, created_at) VALUES (:id, :volunteer, :region,"
					+ " :hours, :description, 'HELD', :hold, :after, :by, :key, :now)")
			.param("after", balanceAfterHold)
			.param("id", id)
			.param("volunteer", volunteerId)
			.param("region", regionCode)
			.param("hours", hours)
			.param("description", description)
			.param("hold", holdTransferId)
			.param("by", orderedBy)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	/** Claims a need for a service: fails with a duplicate key when one pays for it. */
	void payFor(UUID needId, UUID serviceId) {
		this.jdbc.sql("INSERT INTO time_service_need (need_id, service_id) VALUES (:need, :service)")
			.param("need", needId)
			.param("service", serviceId)
			.update();
		this.jdbc.sql("UPDATE time_service SET need_id = :need WHERE id = :service")
			.param("need", needId)
			.param("service", serviceId)
			.update();
	}

	/** Gives up the claim of a cancelled service on its need, if it had one. */
	void unpay(UUID serviceId) {
		this.jdbc.sql("DELETE FROM time_service_need WHERE service_id = :service").param("service", serviceId).update();
	}

	/** Which of the needs a held or spent service pays for. */
	java.util.Set<UUID> paidAmong(List<UUID> needIds) {
		if (needIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(this.jdbc.sql("SELECT need_id FROM time_service_need WHERE need_id IN (:needs)")
			.param("needs", needIds)
			.query(UUID.class)
			.list());
	}

	/** The service, held or spent, that pays for the need. */
	Optional<UUID> servicePaying(UUID needId) {
		return this.jdbc.sql("SELECT service_id FROM time_service_need WHERE need_id = :need")
			.param("need", needId)
			.query(UUID.class)
			.optional();
	}

	/** A service with the volunteer's balance after its hours were held. */
	private static final String SERVICE = "SELECT s.id, s.volunteer_id, s.region_code, s.hours, s.description,"
			+ " s.need_id, s.status, s.hold_transfer_id, s.decision_transfer_id, s.ordered_by, s.created_at,"
			+ " s.decided_at, s.decided_by, s.hold_balance_after FROM time_service s";

	Optional<ServiceRow> service(UUID id) {
		return this.jdbc.sql(SERVICE + " WHERE s.id = :id")
			.param("id", id)
			.query(TimeBankRepository::service)
			.optional();
	}

	/** The service's state, its row locked until the end of the transaction. */
	Optional<TimeServiceStatus> lockServiceStatus(UUID id) {
		return this.jdbc.sql("SELECT status FROM time_service WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> TimeServiceStatus.valueOf(rs.getString(1)))
			.optional();
	}

	void decideService(UUID id, TimeServiceStatus status, UUID transferId, UUID decidedBy, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE time_service SET status = :status, decision_transfer_id = :transfer, decided_by = :by,"
					+ " decided_at = :now WHERE id = :id")
			.param("id", id)
			.param("status", status.name())
			.param("transfer", transferId)
			.param("by", decidedBy)
			.param("now", now)
			.update();
	}

	Optional<ServiceRow> serviceByKey(UUID orderedBy, String key) {
		return this.jdbc.sql(SERVICE + " WHERE s.ordered_by = :by AND s.idempotency_key = :key")
			.param("by", orderedBy)
			.param("key", key)
			.query(TimeBankRepository::service)
			.optional();
	}

	/** A volunteer's services, newest first. */
	PageResult<ServiceRow> servicesOf(UUID volunteerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM time_service WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query(Long.class)
			.single();
		List<ServiceRow> items = this.jdbc
			.sql(SERVICE
					+ " WHERE s.volunteer_id = :volunteer ORDER BY s.created_at DESC, s.id OFFSET :offset ROWS FETCH"
					+ " FIRST :size ROWS ONLY")
			.param("volunteer", volunteerId)
			.param("offset", page.offset())
			.param("size", page.size())
			.query(TimeBankRepository::service)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * The services of a region (itself and below), in one state or all, oldest first: the
	 * ones waiting longest come first.
	 */
	PageResult<ServiceRow> servicesOfRegion(String regionPrefix, TimeServiceStatus status, PageQuery page) {
		String where = " WHERE s.region_code LIKE :prefix" + ((status != null) ? " AND s.status = :status" : "");
		long total = this.jdbc.sql("SELECT COUNT(*) FROM time_service s" + where)
			.param("prefix", regionPrefix + "%")
			.params((status != null) ? java.util.Map.of("status", status.name()) : java.util.Map.of())
			.query(Long.class)
			.single();
		List<ServiceRow> items = this.jdbc
			.sql(SERVICE + where + " ORDER BY s.created_at, s.id OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
			.param("prefix", regionPrefix + "%")
			.params((status != null) ? java.util.Map.of("status", status.name()) : java.util.Map.of())
			.param("offset", page.offset())
			.param("size", page.size())
			.query(TimeBankRepository::service)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The hours of a volunteer's services held now and done. */
	ServiceTotals serviceTotals(UUID volunteerId) {
		return this.jdbc
			.sql("SELECT COALESCE(SUM(CASE WHEN status = 'HELD' THEN hours END), 0), COALESCE(SUM(CASE WHEN status ="
					+ " 'DONE' THEN hours END), 0) FROM time_service WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query((rs, n) -> new ServiceTotals(rs.getBigDecimal(1), rs.getBigDecimal(2)))
			.single();
	}

	// the audit

	BigDecimal sumOfAllEntries() {
		return this.jdbc.sql("SELECT COALESCE(SUM(hours), 0) FROM time_entry").query(BigDecimal.class).single();
	}

	/**
	 * Movements whose entries do not sum to zero (a gift's entries live on two shards of
	 * a cluster, summed together).
	 */
	long unbalancedTransfers() {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM (SELECT transfer_id FROM time_entry GROUP BY transfer_id HAVING SUM(hours) <>"
					+ " 0) u")
			.query(Long.class)
			.single();
	}

	long accounts() {
		return this.jdbc.sql("SELECT COUNT(*) FROM time_account").query(Long.class).single();
	}

	/**
	 * Accounts whose balance, kept or summed, is below zero (the issuance and the
	 * transferred-in accounts excepted: their balances are minus what they gave).
	 */
	long negativeBalances() {
		return this.jdbc.sql("SELECT COUNT(*) FROM time_account a LEFT JOIN " + SUMS
				+ " s ON s.account_id = a.id WHERE a.kind NOT IN ('ISSUANCE', 'TRANSFERRED_IN') AND (a.balance < 0 OR"
				+ " a.owed < 0 OR COALESCE(s.hours, 0) < 0)")
			.query(Long.class)
			.single();
	}

	/**
	 * The sum of each account's entries, as a table: the entries live beside volunteers,
	 * an account's wherever its volunteers are.
	 */
	private static final String SUMS = "(SELECT account_id, SUM(hours) AS hours FROM time_entry GROUP BY account_id)";

	/** Kept balances that differ from the sum of the account's entries. */
	long balanceMismatches() {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM time_account a LEFT JOIN " + SUMS + " s ON s.account_id = a.id WHERE a.kind NOT"
					+ " IN ('ISSUANCE', 'TRANSFERRED_IN') AND a.balance <> COALESCE(s.hours, 0)")
			.query(Long.class)
			.single();
	}

	/**
	 * A region's accounts (itself and below) of one kind: how many, and their balance (a
	 * volunteer's as kept, the platform's as the sum of their entries).
	 */
	RegionSum regionSum(String regionPrefix, AccountKind kind) {
		RegionSum kept = this.jdbc
			.sql("SELECT COUNT(*), COALESCE(SUM(balance), 0) FROM time_account WHERE kind = :kind AND region_code LIKE"
					+ " :prefix")
			.param("kind", kind.name())
			.param("prefix", regionPrefix + "%")
			.query((rs, n) -> new RegionSum(rs.getLong(1), rs.getBigDecimal(2)))
			.single();
		if (kind.locked()) {
			return kept;
		}
		BigDecimal summed = this.jdbc
			.sql("SELECT COALESCE(SUM(hours), 0) FROM time_entry WHERE account_id IN (SELECT id FROM time_account WHERE"
					+ " kind = :kind AND region_code LIKE :prefix)")
			.param("kind", kind.name())
			.param("prefix", regionPrefix + "%")
			.query(BigDecimal.class)
			.single();
		return new RegionSum(kept.accounts(), summed);
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		return new Stored(rs.getObject(1, UUID.class), AccountKind.valueOf(rs.getString(2)),
				rs.getObject(3, UUID.class), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6));
	}

	private static ServiceRow service(ResultSet rs, int n) throws SQLException {
		return new ServiceRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getBigDecimal(4), rs.getString(5), rs.getObject(6, UUID.class),
				TimeServiceStatus.valueOf(rs.getString(7)), rs.getObject(8, UUID.class), rs.getObject(9, UUID.class),
				rs.getObject(10, UUID.class), rs.getObject(11, OffsetDateTime.class),
				rs.getObject(12, OffsetDateTime.class), rs.getObject(13, UUID.class), rs.getBigDecimal(14));
	}

	private static RelativeRow relative(ResultSet rs, int n) throws SQLException {
		return new RelativeRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				Relation.valueOf(rs.getString(4)), RelativeStatus.valueOf(rs.getString(5)),
				rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));
	}

	record Balance(UUID id, BigDecimal balance, BigDecimal owed) {

	}

	record Stored(UUID id, AccountKind kind, UUID volunteerId, String regionCode, BigDecimal balance, BigDecimal owed) {

	}

	record Totals(BigDecimal deposited, BigDecimal swept, BigDecimal giftedIn, BigDecimal giftedOut,
			BigDecimal transferredIn, BigDecimal transferredOut) {

	}

	record OutRow(UUID id, UUID volunteerId, BigDecimal hours, BigDecimal balanceAfter, OffsetDateTime createdAt) {

	}

	record GiftRow(UUID id, UUID fromVolunteer, UUID toVolunteer, BigDecimal hours, BigDecimal balanceAfter,
			String memo, OffsetDateTime createdAt) {

	}

	record EntryRow(UUID id, EntryKind kind, BigDecimal hours, BigDecimal balanceAfter, AccountKind counterpartyKind,
			UUID counterpartyVolunteer, String counterpartyRegion, UUID recordId, UUID transferId, UUID correctsId,
			String memo, OffsetDateTime createdAt) {

	}

	record RelativeRow(UUID id, UUID volunteerId, UUID relativeId, Relation relation, RelativeStatus status,
			OffsetDateTime declaredAt, OffsetDateTime decidedAt) {

	}

	record RegionSum(long accounts, BigDecimal hours) {

	}

	record ServiceRow(UUID id, UUID volunteerId, String regionCode, BigDecimal hours, String description, UUID needId,
			TimeServiceStatus status, UUID holdTransferId, UUID decisionTransferId, UUID orderedBy,
			OffsetDateTime createdAt, OffsetDateTime decidedAt, UUID decidedBy, BigDecimal balanceAfterHold) {

	}

	record ServiceTotals(BigDecimal held, BigDecimal spent) {

	}

}
