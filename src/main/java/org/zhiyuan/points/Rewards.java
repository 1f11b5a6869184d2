package org.zhiyuan.points;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rewards catalogue (礼遇回馈) of each region: operators offer rewards, by the platform
 * or a partner merchant, with a points price and a stock, for the volunteers of the
 * region and the regions below; each reward has a key that opens its merchant's check
 * page, shown once when it is made (only its digest is kept) and replaceable.
 */
@Service
public class Rewards {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	static final int MAX_PRICE = 1_000_000;

	static final int MAX_STOCK = 1_000_000;

	static final int MAX_PER_PERSON = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PointsRepository repository;

	private final Regions regions;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	Rewards(PointsRepository repository, Regions regions, AccessPolicy accessPolicy, AuditLog auditLog) {
		this.repository = repository;
		this.regions = regions;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
	}

	/**
	 * Offers a reward in a region's catalogue.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone but the
	 * region's operators
	 */
	@Transactional
	public OfferedReward offer(Actor actor, NewReward reward) {
		List<FieldProblem> problems = new ArrayList<>();
		String region = reward.regionCode();
		if (region == null || !this.regions.exists(region)) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		String title = strip(reward.title());
		if (title == null || title.length() > 60) {
			problems.add(new FieldProblem("title", "validation.reward.title", 60));
		}
		String description = strip(reward.description());
		if (description != null && description.length() > 500) {
			problems.add(new FieldProblem("description", "validation.reward.description", 500));
		}
		String merchant = strip(reward.merchant());
		if (merchant != null && merchant.length() > 60) {
			problems.add(new FieldProblem("merchant", "validation.reward.merchant", 60));
		}
		if (reward.price() == null || reward.price() < 1 || reward.price() > MAX_PRICE) {
			problems.add(new FieldProblem("price", "validation.reward.price", MAX_PRICE));
		}
		if (reward.stock() == null || reward.stock() < 1 || reward.stock() > MAX_STOCK) {
			problems.add(new FieldProblem("stock", "validation.reward.stock", MAX_STOCK));
		}
		if (reward.perPerson() != null && (reward.perPerson() < 1 || reward.perPerson() > MAX_PER_PERSON)) {
			problems.add(new FieldProblem("perPerson", "validation.reward.perPerson", MAX_PER_PERSON));
		}
		if (reward.availableUntil() != null && reward.availableUntil().isBefore(today())) {
			problems.add(new FieldProblem("availableUntil", "validation.reward.availableUntil"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.accessPolicy.requireOperatorOf(actor, region);
		UUID id = Ids.newId();
		String key = newKey();
		this.repository.insertReward(id, region, title, description, merchant, reward.price(), reward.stock(),
				(reward.perPerson() != null) ? reward.perPerson() : 1, reward.availableUntil(), digest(key),
				actor.accountId(), PointLedger.now());
		this.auditLog.record(AuditRecord.of("rewards.offer", actor.accountId())
			.on("reward", id)
			.inRegion(region)
			.withDetail("price=" + reward.price() + " stock=" + reward.stock()));
		return new OfferedReward(this.repository.reward(id).orElseThrow(), key);
	}

	/**
	 * Takes a reward out of the catalogue; codes already given stay valid.
	 * @throws ProblemException 404 {@code REWARD_NOT_FOUND}, 403 for anyone but the
	 * operators of its region, 409 {@code INVALID_STATE} when withdrawn already
	 */
	@Transactional
	public RewardView withdraw(Actor actor, UUID rewardId) {
		RewardView reward = managed(actor, rewardId);
		if (!this.repository.withdraw(reward.id())) {
			throw ProblemException.conflict("INVALID_STATE", "reward.notActive");
		}
		this.auditLog.record(AuditRecord.of("rewards.withdraw", actor.accountId())
			.on("reward", reward.id())
			.inRegion(reward.regionCode()));
		return this.repository.reward(reward.id()).orElseThrow();
	}

	/**
	 * Gives a reward a new key for its merchant's check page; the old one stops working.
	 * As {@link #withdraw}, without the state.
	 */
	@Transactional
	public OfferedReward newCheckKey(Actor actor, UUID rewardId) {
		RewardView reward = managed(actor, rewardId);
		String key = newKey();
		this.repository.setKeyHash(reward.id(), digest(key));
		this.auditLog.record(AuditRecord.of("rewards.key", actor.accountId())
			.on("reward", reward.id())
			.inRegion(reward.regionCode()));
		return new OfferedReward(reward, key);
	}

	/** A reward, by anyone (the catalogue is public). */
	@Transactional(readOnly = true)
	public RewardView find(UUID rewardId) {
		return this.repository.reward(rewardId)
			.orElseThrow(() -> ProblemException.notFound("REWARD_NOT_FOUND", "reward.notFound"));
	}

	/**
	 * The active rewards a volunteer of the region may redeem: those offered in it and
	 * the regions above, those in stock first, cheapest first.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}
	 */
	@Transactional(readOnly = true)
	public PageResult<RewardView> available(String regionCode, PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		return this.repository.offeredIn(chain(regionCode), true, page);
	}

	/**
	 * The rewards offered in a region and the regions below, withdrawn ones included, for
	 * its operators and auditors.
	 */
	@Transactional(readOnly = true)
	public PageResult<RewardView> offeredWithin(Actor actor, String regionCode, PageQuery page) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return this.repository.offeredWithin(Regions.prefixOf(regionCode), page);
	}

	/** The region and those above it, the nation included. */
	List<String> chain(String regionCode) {
		List<String> chain = new ArrayList<>(this.regions.path(regionCode).stream().map(Region::code).toList());
		if (!chain.contains(regionCode)) {
			chain.add(regionCode);
		}
		if (!chain.contains(Regions.NATIONAL)) {
			chain.add(Regions.NATIONAL);
		}
		return chain;
	}

	/** Whether a key opens the reward's check page. */
	public boolean opens(UUID rewardId, String key) {
		if (key == null || key.isBlank() || key.length() > 100) {
			return false;
		}
		return this.repository.keyHash(rewardId)
			.map((hash) -> MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
					digest(key.strip()).getBytes(StandardCharsets.US_ASCII)))
			.orElse(false);
	}

	private RewardView managed(Actor actor, UUID rewardId) {
		RewardView reward = find(rewardId);
		this.accessPolicy.requireOperatorOf(actor, reward.regionCode());
		return reward;
	}

	static LocalDate today() {
		return LocalDate.now(CHINA);
	}

	private static String newKey() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String digest(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
