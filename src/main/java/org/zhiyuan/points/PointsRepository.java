package org.zhiyuan.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.cache.SharedCaches;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of points and rewards. Entries are only ever inserted; a lot's remaining
 * points change only under the lock of its volunteer's account row ({@link #lock}), in
 * the transaction that inserts the entry that explains the change; a reward's stock only
 * by one statement that refuses to take it below zero.
 */
@Repository
class PointsRepository {

	/** The name under which instances keep point rules in memory. */
	static final String POINT_RULES = "point-rules";

	private final JdbcClient jdbc;

	private final SharedCaches caches;

	PointsRepository(JdbcClient jdbc, SharedCaches caches) {
		this.jdbc = jdbc;
		this.caches = caches;
	}

	// rules

	/**
	 * The own rules of each of the regions given that sets them, by code, in one query.
	 */
	java.util.Map<String, RuleRow> rules(List<String> regionCodes) {
		java.util.Map<String, RuleRow> rules = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT region_code, per_hour, hard_per_hour, emergency_per_hour, valid_months FROM point_rule WHERE"
					+ " region_code IN (:regions)")
			.param("regions", regionCodes)
			.query((rs) -> {
				rules.put(rs.getString(1), new RuleRow(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
			});
		return rules;
	}

	void saveRule(String regionCode, RuleRow rule, UUID by, OffsetDateTime now) {
		this.caches.changed(POINT_RULES);
		int updated = this.jdbc
			.sql("UPDATE point_rule SET per_hour = :per, hard_per_hour = :hard, emergency_per_hour = :emergency,"
					+ " valid_months = :months, updated_by = :by, updated_at = :now WHERE region_code = :region")
			.params(ruleParams(regionCode, rule, by, now))
			.update();
		if (updated == 0) {
			this.jdbc
				.sql("INSERT INTO point_rule (region_code, per_hour, hard_per_hour, emergency_per_hour, valid_months,"
						+ " updated_by, updated_at) VALUES (:region, :per, :hard, :emergency, :months, :by, :now)")
				.params(ruleParams(regionCode, rule, by, now))
				.update();
		}
	}

	private static java.util.Map<String, Object> ruleParams(String regionCode, RuleRow rule, UUID by,
			OffsetDateTime now) {
		return java.util.Map.of("region", regionCode, "per", rule.perHour(), "hard", rule.hardPerHour(), "emergency",
				rule.emergencyPerHour(), "months", rule.validMonths(), "by", by, "now", now);
	}

	void deleteRule(String regionCode) {
		this.caches.changed(POINT_RULES);
		this.jdbc.sql("DELETE FROM point_rule WHERE region_code = :region").param("region", regionCode).update();
	}

	// accounts and lots

	/**
	 * Opens the volunteer's account unless it is open; two callers at once open it once.
	 */
	void open(UUID volunteerId, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO point_account (volunteer_id, owed, created_at) VALUES (:volunteer, 0, :now)"
					+ " ON CONFLICT DO NOTHING")
			.param("volunteer", volunteerId)
			.param("now", now)
			.update();
	}

	/** The points the account owes, its row locked until the end of the transaction. */
	int lock(UUID volunteerId) {
		return this.jdbc.sql("SELECT owed FROM point_account WHERE volunteer_id = :volunteer FOR UPDATE")
			.param("volunteer", volunteerId)
			.query(Integer.class)
			.single();
	}

	Optional<Integer> owed(UUID volunteerId) {
		return this.jdbc.sql("SELECT owed FROM point_account WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query(Integer.class)
			.optional();
	}

	void setOwed(UUID volunteerId, int owed) {
		this.jdbc.sql("UPDATE point_account SET owed = :owed WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.param("owed", owed)
			.update();
	}

	void insertLot(UUID id, UUID volunteerId, UUID recordId, String regionCode, int rate, int points, int remaining,
			OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
		this.jdbc
			.sql("INSERT INTO point_lot (id, volunteer_id, record_id, region_code, rate, points, remaining, issued_at,"
					+ " expires_at) VALUES (:id, :volunteer, :record, :region, :rate, :points, :remaining, :issued,"
					+ " :expires)")
			.param("id", id)
			.param("volunteer", volunteerId)
			.param("record", recordId)
			.param("region", regionCode)
			.param("rate", rate)
			.param("points", points)
			.param("remaining", remaining)
			.param("issued", issuedAt)
			.param("expires", expiresAt)
			.update();
	}

	void setRemaining(UUID volunteerId, UUID lotId, int remaining) {
		this.jdbc.sql("UPDATE point_lot SET remaining = :remaining WHERE volunteer_id = :volunteer AND id = :id")
			.param("volunteer", volunteerId)
			.param("id", lotId)
			.param("remaining", remaining)
			.update();
	}

	void insertEntry(UUID id, UUID volunteerId, UUID lotId, PointEntryKind kind, int points, UUID recordId,
			UUID redemptionId, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO point_entry (id, volunteer_id, lot_id, kind, points, record_id, redemption_id,"
					+ " created_at) VALUES (:id, :volunteer, :lot, :kind, :points, :record, :redemption, :now)")
			.param("id", id)
			.param("volunteer", volunteerId)
			.param("lot", lotId)
			.param("kind", kind.name())
			.param("points", points)
			.param("record", recordId)
			.param("redemption", redemptionId)
			.param("now", now)
			.update();
	}

	private static final String LOT = "SELECT id, record_id, rate, points, remaining, issued_at, expires_at FROM"
			+ " point_lot";

	/** The rate of the record's first lot: the rate its points were issued at. */
	Optional<Integer> rateOfRecord(UUID volunteerId, UUID recordId) {
		return this.jdbc
			.sql("SELECT rate FROM point_lot WHERE volunteer_id = :volunteer AND record_id = :record"
					+ " ORDER BY issued_at, id")
			.param("volunteer", volunteerId)
			.param("record", recordId)
			.query(Integer.class)
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * The volunteer's lots that still hold points and have not expired: those of the
	 * record first (when given), then the soonest to expire.
	 */
	List<LotRow> spendable(UUID volunteerId, UUID recordFirst, OffsetDateTime now) {
		return this.jdbc
			.sql(LOT + " WHERE volunteer_id = :volunteer AND remaining > 0 AND expires_at > :now ORDER BY CASE WHEN"
					+ " record_id = :record THEN 0 ELSE 1 END, expires_at, issued_at, id")
			.param("volunteer", volunteerId)
			.param("record", recordFirst)
			.param("now", now)
			.query(PointsRepository::lot)
			.list();
	}

	/** The volunteer's lots that hold points, expired or not, soonest to expire first. */
	List<LotRow> holding(UUID volunteerId) {
		return this.jdbc.sql(LOT + " WHERE volunteer_id = :volunteer AND remaining > 0 ORDER BY expires_at, id")
			.param("volunteer", volunteerId)
			.query(PointsRepository::lot)
			.list();
	}

	Optional<LotRow> lot(UUID volunteerId, UUID lotId) {
		return this.jdbc.sql(LOT + " WHERE volunteer_id = :volunteer AND id = :id")
			.param("volunteer", volunteerId)
			.param("id", lotId)
			.query(PointsRepository::lot)
			.optional();
	}

	/** Volunteers with expired lots that still hold points, at most {@code limit}. */
	List<UUID> withExpiredLots(OffsetDateTime now, int limit) {
		return this.jdbc
			.sql("SELECT DISTINCT volunteer_id FROM point_lot WHERE expires_at <= :now AND remaining > 0"
					+ " FETCH FIRST :limit ROWS ONLY")
			.param("now", now)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** The volunteer's expired lots that still hold points. */
	List<LotRow> expired(UUID volunteerId, OffsetDateTime now) {
		return this.jdbc
			.sql(LOT + " WHERE volunteer_id = :volunteer AND expires_at <= :now AND remaining > 0 ORDER BY"
					+ " expires_at, id")
			.param("volunteer", volunteerId)
			.param("now", now)
			.query(PointsRepository::lot)
			.list();
	}

	/**
	 * The spend entries of a redemption: which lots paid how much (as positive points).
	 */
	List<Spent> spentOn(UUID volunteerId, UUID redemptionId) {
		return this.jdbc
			.sql("SELECT lot_id, -SUM(points) FROM point_entry WHERE volunteer_id = :volunteer AND redemption_id ="
					+ " :redemption AND kind = 'SPEND' GROUP BY lot_id")
			.param("volunteer", volunteerId)
			.param("redemption", redemptionId)
			.query((rs, n) -> new Spent(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list();
	}

	PageResult<PointEntryView> entries(UUID volunteerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM point_entry WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query(Long.class)
			.single();
		List<PointEntryView> items = this.jdbc
			.sql("SELECT e.id, e.kind, e.points, e.lot_id, l.expires_at, e.record_id, e.redemption_id, r.title,"
					+ " e.created_at FROM point_entry e JOIN point_lot l ON l.volunteer_id = e.volunteer_id AND l.id ="
					+ " e.lot_id LEFT JOIN reward_redemption d ON d.volunteer_id = e.volunteer_id AND d.id ="
					+ " e.redemption_id LEFT JOIN reward r ON r.id = d.reward_id WHERE"
					+ " e.volunteer_id = :volunteer ORDER BY e.created_at DESC, e.id DESC OFFSET :offset ROWS FETCH"
					+ " FIRST :size ROWS ONLY")
			.param("volunteer", volunteerId)
			.param("offset", page.offset())
			.param("size", page.size())
			.query((rs, n) -> new PointEntryView(rs.getObject(1, UUID.class), PointEntryKind.valueOf(rs.getString(2)),
					rs.getInt(3), rs.getObject(4, UUID.class), rs.getObject(5, OffsetDateTime.class),
					rs.getObject(6, UUID.class), rs.getObject(7, UUID.class), rs.getString(8),
					rs.getObject(9, OffsetDateTime.class)))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	// rewards

	void insertReward(UUID id, String regionCode, String title, String description, String merchant, int price,
			int stock, int perPerson, LocalDate availableUntil, String keyHash, UUID by, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO reward (id, region_code, title, description, merchant, price, stock, redeemed, per_person,"
					+ " available_until, status, check_key_hash, created_by, created_at) VALUES (:id, :region, :title,"
					+ " :description, :merchant, :price, :stock, 0, :perPerson, :until, 'ACTIVE', :key, :by, :now)")
			.param("id", id)
			.param("region", regionCode)
			.param("title", title)
			.param("description", description)
			.param("merchant", merchant)
			.param("price", price)
			.param("stock", stock)
			.param("perPerson", perPerson)
			.param("until", availableUntil)
			.param("key", keyHash)
			.param("by", by)
			.param("now", now)
			.update();
	}

	private static final String REWARD = "SELECT id, region_code, title, description, merchant, price, stock,"
			+ " redeemed, per_person, available_until, status FROM reward";

	Optional<RewardView> reward(UUID id) {
		return this.jdbc.sql(REWARD + " WHERE id = :id").param("id", id).query(PointsRepository::reward).optional();
	}

	/** The reward's key digest, for its merchant's checks. */
	Optional<String> keyHash(UUID rewardId) {
		return this.jdbc.sql("SELECT check_key_hash FROM reward WHERE id = :id")
			.param("id", rewardId)
			.query(String.class)
			.optional();
	}

	void setKeyHash(UUID rewardId, String keyHash) {
		this.jdbc.sql("UPDATE reward SET check_key_hash = :key WHERE id = :id")
			.param("id", rewardId)
			.param("key", keyHash)
			.update();
	}

	/** Marks it withdrawn; false when it was not active. */
	boolean withdraw(UUID rewardId) {
		return this.jdbc.sql("UPDATE reward SET status = 'WITHDRAWN' WHERE id = :id AND status = 'ACTIVE'")
			.param("id", rewardId)
			.update() == 1;
	}

	/**
	 * Takes one item from the stock of an active reward available on the day; false when
	 * none is left (or it is withdrawn or past its date). One statement, so that two
	 * redemptions never take the last item both.
	 */
	boolean take(UUID rewardId, LocalDate today) {
		return this.jdbc
			.sql("UPDATE reward SET stock = stock - 1, redeemed = redeemed + 1 WHERE id = :id AND stock > 0 AND"
					+ " status = 'ACTIVE' AND (available_until IS NULL OR available_until >= :today)")
			.param("id", rewardId)
			.param("today", today)
			.update() == 1;
	}

	/** Puts an item back into stock (a redemption cancelled). */
	void putBack(UUID rewardId) {
		this.jdbc.sql("UPDATE reward SET stock = stock + 1, redeemed = redeemed - 1 WHERE id = :id")
			.param("id", rewardId)
			.update();
	}

	/** The rewards offered in the regions given (a region and those above it). */
	PageResult<RewardView> offeredIn(List<String> regionCodes, boolean activeOnly, PageQuery page) {
		String where = " WHERE region_code IN (:regions)" + (activeOnly ? " AND status = 'ACTIVE'" : "");
		long total = this.jdbc.sql("SELECT COUNT(*) FROM reward" + where)
			.param("regions", regionCodes)
			.query(Long.class)
			.single();
		List<RewardView> items = this.jdbc
			.sql(REWARD + where + " ORDER BY CASE WHEN stock > 0 THEN 0 ELSE 1 END, price, created_at DESC, id OFFSET"
					+ " :offset ROWS FETCH FIRST :size ROWS ONLY")
			.param("regions", regionCodes)
			.param("offset", page.offset())
			.param("size", page.size())
			.query(PointsRepository::reward)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** The rewards offered in a region and the regions below it, newest first. */
	PageResult<RewardView> offeredWithin(String prefix, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM reward WHERE region_code LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single();
		List<RewardView> items = this.jdbc
			.sql(REWARD + " WHERE region_code LIKE :prefix ORDER BY CASE WHEN status = 'ACTIVE' THEN 0 ELSE 1 END,"
					+ " created_at DESC, id OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
			.param("prefix", prefix + "%")
			.param("offset", page.offset())
			.param("size", page.size())
			.query(PointsRepository::reward)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	// redemptions

	void insertRedemption(UUID id, UUID rewardId, UUID volunteerId, int points, String code, UUID accountId,
			String idempotencyKey, OffsetDateTime now) {
		this.jdbc
			.sql("INSERT INTO reward_redemption (id, reward_id, volunteer_id, points, code, status, account_id,"
					+ " idempotency_key, created_at) VALUES (:id, :reward, :volunteer, :points, :code, 'ISSUED',"
					+ " :account, :key, :now)")
			.param("id", id)
			.param("reward", rewardId)
			.param("volunteer", volunteerId)
			.param("points", points)
			.param("code", code)
			.param("account", accountId)
			.param("key", idempotencyKey)
			.param("now", now)
			.update();
	}

	/** Redemptions of the reward by the volunteer that are not cancelled. */
	int heldBy(UUID rewardId, UUID volunteerId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM reward_redemption WHERE reward_id = :reward AND volunteer_id = :volunteer AND"
					+ " status <> 'CANCELLED'")
			.param("reward", rewardId)
			.param("volunteer", volunteerId)
			.query(Integer.class)
			.single();
	}

	private static final String REDEMPTION = "SELECT d.id, d.reward_id, r.title, r.merchant, d.points, d.code,"
			+ " d.status, d.created_at, d.decided_at, d.volunteer_id, r.region_code FROM reward_redemption d JOIN"
			+ " reward r ON r.id = d.reward_id";

	Optional<RedemptionRow> redemption(UUID volunteerId, UUID id) {
		return this.jdbc.sql(REDEMPTION + " WHERE d.volunteer_id = :volunteer AND d.id = :id")
			.param("volunteer", volunteerId)
			.param("id", id)
			.query(PointsRepository::redemption)
			.optional();
	}

	/**
	 * The volunteer's redemption, locked until the end of the transaction; empty when it
	 * is not theirs.
	 */
	Optional<RedemptionRow> lockRedemption(UUID volunteerId, UUID id) {
		boolean theirs = !this.jdbc
			.sql("SELECT id FROM reward_redemption WHERE volunteer_id = :volunteer AND id = :id FOR UPDATE")
			.param("volunteer", volunteerId)
			.param("id", id)
			.query(UUID.class)
			.list()
			.isEmpty();
		return theirs ? redemption(volunteerId, id) : Optional.empty();
	}

	Optional<RedemptionRow> redemptionByCode(String code) {
		return this.jdbc.sql(REDEMPTION + " WHERE d.code = :code")
			.param("code", code)
			.query(PointsRepository::redemption)
			.optional();
	}

	Optional<RedemptionRow> redemptionByKey(UUID accountId, String key) {
		return this.jdbc.sql(REDEMPTION + " WHERE d.account_id = :account AND d.idempotency_key = :key")
			.param("account", accountId)
			.param("key", key)
			.query(PointsRepository::redemption)
			.optional();
	}

	/** Moves an ISSUED redemption on; false when it was not ISSUED any more. */
	boolean decide(UUID volunteerId, UUID id, RedemptionStatus status, OffsetDateTime now) {
		return this.jdbc
			.sql("UPDATE reward_redemption SET status = :status, decided_at = :now WHERE volunteer_id = :volunteer"
					+ " AND id = :id AND status = 'ISSUED'")
			.param("volunteer", volunteerId)
			.param("id", id)
			.param("status", status.name())
			.param("now", now)
			.update() == 1;
	}

	PageResult<RedemptionView> redemptionsOf(UUID volunteerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM reward_redemption WHERE volunteer_id = :volunteer")
			.param("volunteer", volunteerId)
			.query(Long.class)
			.single();
		List<RedemptionView> items = this.jdbc
			.sql(REDEMPTION + " WHERE d.volunteer_id = :volunteer ORDER BY CASE WHEN d.status = 'ISSUED' THEN 0 ELSE 1"
					+ " END, d.created_at DESC, d.id OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
			.param("volunteer", volunteerId)
			.param("offset", page.offset())
			.param("size", page.size())
			.query(PointsRepository::redemption)
			.list()
			.stream()
			.map(RedemptionRow::view)
			.toList();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private static LotRow lot(ResultSet rs, int n) throws SQLException {
		return new LotRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getInt(4),
				rs.getInt(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class));
	}

	private static RewardView reward(ResultSet rs, int n) throws SQLException {
		return new RewardView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
				rs.getObject(10, LocalDate.class), RewardStatus.valueOf(rs.getString(11)));
	}

	private static RedemptionRow redemption(ResultSet rs, int n) throws SQLException {
		return new RedemptionRow(
				new RedemptionView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getInt(5), rs.getString(6), RedemptionStatus.valueOf(rs.getString(7)),
						rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)),
				rs.getObject(10, UUID.class), rs.getString(11));
	}

	record RuleRow(int perHour, int hardPerHour, int emergencyPerHour, int validMonths) {

	}

	record LotRow(UUID id, UUID recordId, int rate, int points, int remaining, OffsetDateTime issuedAt,
			OffsetDateTime expiresAt) {

	}

	record Spent(UUID lotId, int points) {

	}

	record RedemptionRow(RedemptionView view, UUID volunteerId, String regionCode) {

	}

}
