package org.zhiyuan.need;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;
import org.zhiyuan.account.Passwords;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.need.NeedRepository.ResidentRow;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.PhoneNumbers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Residents (服务对象): a name, a phone that is also their username, a password and the
 * community they live in, far less than a volunteer gives. An operator may enter a
 * resident without a phone or an account, to order for them.
 */
@Service
public class Residents {

	private final NeedRepository repository;

	private final AccountManagement accounts;

	private final Regions regions;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	Residents(NeedRepository repository, AccountManagement accounts, Regions regions, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.accounts = accounts;
		this.regions = regions;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Registers a resident with an account that signs in with the phone and password.
	 * @throws ProblemException 400 naming every bad field; 409 {@code PHONE_REGISTERED}
	 * when the phone already signs in to an account
	 */
	public ResidentView register(NewResident request) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = checkName(request.name(), "name", problems);
		String phone = PhoneNumbers.normalize(request.phone());
		if (request.phone() == null || request.phone().isBlank()) {
			problems.add(new FieldProblem("phone", "validation.required"));
		}
		else if (!PhoneNumbers.isMainlandMobile(phone)) {
			problems.add(new FieldProblem("phone", "validation.phone"));
		}
		problems.addAll(Passwords.problems("password", request.password()));
		checkRegion(request.regionCode(), "regionCode", problems);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		if (this.accounts.usernameExists(phone) || this.repository.residentByPhone(phone).isPresent()) {
			throw ProblemException.conflict("PHONE_REGISTERED", "volunteer.phoneRegistered");
		}
		try {
			return this.transaction.execute((status) -> {
				AccountView account = this.accounts.create(phone, request.password(), name, Set.of(Grant.resident()),
						null);
				UUID id = Ids.newId();
				this.repository.insertResident(id, account.id(), name, phone, request.regionCode(), account.id(),
						now());
				this.auditLog.record(AuditRecord.of("resident.register", account.id())
					.on("resident", id)
					.inRegion(request.regionCode()));
				return view(this.repository.resident(id).orElseThrow());
			});
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.conflict("PHONE_REGISTERED", "volunteer.phoneRegistered");
		}
		catch (ProblemException ex) {
			if ("USERNAME_TAKEN".equals(ex.code())) {
				throw ProblemException.conflict("PHONE_REGISTERED", "volunteer.phoneRegistered");
			}
			throw ex;
		}
	}

	/** The caller as a resident; 404 {@code NOT_A_RESIDENT} for anyone else. */
	public ResidentView mine(Actor actor) {
		return this.repository.residentOfAccount(actor.accountId())
			.map(Residents::view)
			.orElseThrow(() -> ProblemException.notFound("NOT_A_RESIDENT", "need.notAResident"));
	}

	public Optional<ResidentView> ofAccount(UUID accountId) {
		return this.repository.residentOfAccount(accountId).map(Residents::view);
	}

	/**
	 * The resident an operator orders for, in the caller's transaction: the one with that
	 * phone when there is one, else a new resident without an account.
	 */
	ResidentRow onBehalf(Actor operator, NewNeed.OnBehalf person, String regionCode) {
		String phone = (person.phone() != null && !person.phone().isBlank()) ? PhoneNumbers.normalize(person.phone())
				: null;
		if (phone != null) {
			Optional<ResidentRow> known = this.repository.residentByPhone(phone);
			if (known.isPresent()) {
				return known.get();
			}
		}
		UUID id = Ids.newId();
		this.repository.insertResident(id, null, person.name().strip(), phone, regionCode, operator.accountId(), now());
		this.auditLog
			.record(AuditRecord.of("resident.create", operator.accountId()).on("resident", id).inRegion(regionCode));
		return this.repository.resident(id).orElseThrow();
	}

	static String checkName(String raw, String field, List<FieldProblem> problems) {
		if (raw == null || raw.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
			return null;
		}
		String name = raw.strip();
		if (name.length() > 50) {
			problems.add(new FieldProblem(field, "validation.textRequired", 50));
		}
		return name;
	}

	void checkRegion(String code, String field, List<FieldProblem> problems) {
		if (code == null || code.isBlank()) {
			problems.add(new FieldProblem(field, "validation.required"));
		}
		else if (!this.regions.exists(code) || Regions.NATIONAL.equals(code)) {
			problems.add(new FieldProblem(field, "validation.regionCode"));
		}
	}

	static ResidentView view(ResidentRow row) {
		return new ResidentView(row.id(), row.accountId(), row.name(),
				(row.phone() != null) ? PhoneNumbers.mask(row.phone()) : null, row.regionCode(), row.createdAt());
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
