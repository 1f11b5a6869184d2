package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Regions;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PersonNames;
import org.zhiyuan.timebank.TimeBankRepository.EntryRow;
import org.zhiyuan.timebank.TimeBankRepository.RegionSum;
import org.zhiyuan.timebank.TimeBankRepository.ServiceTotals;
import org.zhiyuan.timebank.TimeBankRepository.Stored;
import org.zhiyuan.timebank.TimeBankRepository.Totals;
import org.zhiyuan.timebank.TimeEntryView.Counterparty;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the time bank: a volunteer's account and entries (the volunteer, and the
 * operators and auditors of their region, whose reads are audited), and the ledger's
 * audit for operators and auditors.
 */
@Service
public class TimeAccounts {

	private static final BigDecimal ZERO = new BigDecimal("0.00");

	private final TimeBankRepository repository;

	private final Volunteers volunteers;

	private final RegionSettings settings;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	TimeAccounts(TimeBankRepository repository, Volunteers volunteers, RegionSettings settings,
			AccessPolicy accessPolicy, Regions regions, AuditLog auditLog) {
		this.repository = repository;
		this.volunteers = volunteers;
		this.settings = settings;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
	}

	/**
	 * A volunteer's account.
	 * @throws ProblemException 404 {@code VOLUNTEER_NOT_FOUND}, 403 for anyone but the
	 * volunteer and those who oversee their region
	 */
	@Transactional
	public TimeAccountView account(Actor actor, UUID volunteerId) {
		VolunteerView volunteer = readable(actor, volunteerId);
		return accountOf(volunteer);
	}

	/** The caller's own account; 404 {@code NOT_A_VOLUNTEER} for staff. */
	@Transactional
	public TimeAccountView mine(Actor actor) {
		return accountOf(this.volunteers.mine(actor));
	}

	TimeAccountView accountOf(VolunteerView volunteer) {
		BigDecimal cap = this.settings.timeBankCap(volunteer.regionCode());
		return this.repository.accountOfVolunteer(volunteer.id()).map((account) -> {
			Totals totals = this.repository.totals(account.id());
			ServiceTotals services = this.repository.serviceTotals(volunteer.id());
			return new TimeAccountView(volunteer.id(), account.balance(), cap, scaled(totals.deposited()),
					scaled(services.spent()), scaled(totals.giftedIn()), scaled(totals.giftedOut()),
					scaled(totals.swept()), account.owed(), scaled(services.held()), scaled(totals.transferredIn()),
					scaled(totals.transferredOut()));
		})
			.orElseGet(() -> new TimeAccountView(volunteer.id(), ZERO, cap, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO, ZERO,
					ZERO, ZERO));
	}

	/**
	 * A volunteer's entries, newest first; as {@link #account}.
	 */
	@Transactional
	public PageResult<TimeEntryView> entries(Actor actor, UUID volunteerId, PageQuery page) {
		VolunteerView volunteer = readable(actor, volunteerId);
		return entriesOf(volunteer, page);
	}

	/** The caller's own entries, newest first. */
	@Transactional
	public PageResult<TimeEntryView> myEntries(Actor actor, PageQuery page) {
		return entriesOf(this.volunteers.mine(actor), page);
	}

	private PageResult<TimeEntryView> entriesOf(VolunteerView volunteer, PageQuery page) {
		return this.repository.accountOfVolunteer(volunteer.id()).map((account) -> {
			// a page names the same few relatives again and again: each is read once
			java.util.Map<UUID, String> names = new java.util.HashMap<>();
			return this.repository.entries(account.id(), page).map((row) -> view(row, names));
		}).orElseGet(() -> new PageResult<>(java.util.List.of(), page.page(), page.size(), 0));
	}

	private TimeEntryView view(EntryRow row, java.util.Map<UUID, String> names) {
		String name = null;
		if (row.counterpartyVolunteer() != null) {
			name = names.computeIfAbsent(row.counterpartyVolunteer(),
					(id) -> this.volunteers.find(id).map((other) -> PersonNames.mask(other.name())).orElse(null));
		}
		return new TimeEntryView(row.id(), row.kind(), row.hours(), row.balanceAfter(),
				new Counterparty(row.counterpartyKind(), row.counterpartyVolunteer(), name,
						(row.counterpartyVolunteer() != null) ? null : row.counterpartyRegion()),
				row.recordId(), row.transferId(), row.correctsId(), row.memo(), row.createdAt());
	}

	/**
	 * The ledger checked whole, with the figures of a region: for its operators and
	 * auditors (the nation's for {@code regionCode} {@code 000000}). The check is
	 * audited.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}, 403 for anyone else
	 */
	@Transactional
	public LedgerAudit audit(Actor actor, String regionCode) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		String prefix = Regions.prefixOf(regionCode);
		RegionSum balances = this.repository.regionSum(prefix, AccountKind.VOLUNTEER);
		RegionSum issued = this.repository.regionSum(prefix, AccountKind.ISSUANCE);
		RegionSum pool = this.repository.regionSum(prefix, AccountKind.DONATION_POOL);
		LedgerAudit audit = new LedgerAudit(scaled(this.repository.sumOfAllEntries()),
				this.repository.unbalancedTransfers(), this.repository.accounts(), this.repository.negativeBalances(),
				this.repository.balanceMismatches(), regionCode, balances.accounts(), scaled(balances.hours()),
				scaled(issued.hours().negate()), scaled(pool.hours()));
		this.auditLog.record(AuditRecord.of("timebank.audit", actor.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail(audit.sound() ? "sound" : "UNSOUND"));
		return audit;
	}

	/**
	 * The volunteer, whose account the caller may read: their own, or as an operator or
	 * auditor of their region (audited); not their organizations, whose business the
	 * account is not.
	 */
	private VolunteerView readable(Actor actor, UUID volunteerId) {
		VolunteerView volunteer = this.volunteers.find(volunteerId)
			.orElseThrow(() -> ProblemException.notFound("VOLUNTEER_NOT_FOUND", "volunteer.notFound"));
		this.accessPolicy.check(actor, Access.READ, new ScopedObject("time-account", volunteer.id().toString(),
				volunteer.accountId(), volunteer.regionCode(), Set.of()));
		return volunteer;
	}

	private static BigDecimal scaled(BigDecimal hours) {
		return hours.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	/** Whether an account of the volunteer exists and what it holds, for other uses. */
	java.util.Optional<Stored> stored(UUID volunteerId) {
		return this.repository.accountOfVolunteer(volunteerId);
	}

}
