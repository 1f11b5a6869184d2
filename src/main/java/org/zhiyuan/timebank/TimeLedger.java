package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.zhiyuan.shared.Ids;
import org.zhiyuan.timebank.TimeBankRepository.Balance;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Posts movements: each is a list of legs that sum to zero, written as entries with the
 * movement in the caller's transaction. Every account whose balance is kept (a
 * volunteer's, a donation pool) is locked before it is read and changed, volunteers'
 * accounts in the order of their ids and before any pool, so that two movements never
 * wait for each other in a circle; a leg that would take a kept balance below zero is
 * refused here, whatever the caller checked. The issuance account is never locked (every
 * deposit of its region would wait for it): its balance is the sum of its entries.
 */
@Component
class TimeLedger {

	private final TimeBankRepository repository;

	/** The platform's accounts' ids by owner: an account, once open, keeps its id. */
	private final Map<String, UUID> opened = new ConcurrentHashMap<>();

	TimeLedger(TimeBankRepository repository) {
		this.repository = repository;
	}

	/**
	 * Volunteers whose accounts are known open, the most recently used last: at most
	 * {@value #KNOWN_OPEN}, the oldest forgotten first (opening a forgotten one again
	 * changes nothing).
	 */
	private final Map<UUID, Boolean> knownOpen = java.util.Collections
		.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
				return size() > KNOWN_OPEN;
			}

		});

	private static final int KNOWN_OPEN = 100_000;

	/**
	 * A volunteer's account, opened if it was not: its id is the volunteer's, so that it
	 * lives beside them on a cluster. Opening it again changes nothing.
	 */
	UUID volunteerAccount(UUID volunteerId, String regionCode) {
		if (this.knownOpen.get(volunteerId) == null) {
			this.repository.open(volunteerId, "V:" + volunteerId, AccountKind.VOLUNTEER, volunteerId, regionCode,
					now());
			afterCommit(() -> this.knownOpen.put(volunteerId, Boolean.TRUE));
		}
		return volunteerId;
	}

	/**
	 * One of the platform's accounts of a region, opened if it was not. One opened now
	 * takes an id made of its owner key, so that two instances opening it at once open it
	 * once, on a cluster too (where the owner key is not unique across shards).
	 */
	UUID platformAccount(AccountKind kind, String regionCode) {
		String owner = kind.name() + ":" + regionCode;
		UUID known = this.opened.get(owner);
		if (known != null) {
			return known;
		}
		UUID id = this.repository.accountIdOf(owner).orElseGet(() -> {
			this.repository.open(UUID.nameUUIDFromBytes(("time_account:" + owner).getBytes(StandardCharsets.UTF_8)),
					owner, kind, null, regionCode, now());
			return this.repository.accountIdOf(owner).orElseThrow();
		});
		afterCommit(() -> this.opened.put(owner, id));
		return id;
	}

	/**
	 * Runs once the transaction is committed (now without one): an account opened by a
	 * movement that is then refused is gone with it, and not remembered.
	 */
	private static void afterCommit(Runnable remember) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					remember.run();
				}
			});
		}
		else {
			remember.run();
		}
	}

	/**
	 * Locks the accounts, in the order given (the caller orders them: volunteers by id,
	 * then pools), and returns their balances for the movement to build on.
	 */
	Locked lock(List<UUID> accounts) {
		Map<UUID, Balance> balances = new LinkedHashMap<>();
		for (UUID account : accounts) {
			balances.put(account, this.repository.lock(account));
		}
		return new Locked(balances);
	}

	/**
	 * Locks volunteers' accounts, and no pool, in the order of their ids as the database
	 * orders them: a gift's two accounts.
	 */
	Locked lockVolunteers(List<UUID> accounts) {
		Map<UUID, Balance> found = this.repository.lockAll(accounts);
		if (found.size() != new java.util.HashSet<>(accounts).size()) {
			throw new IllegalStateException("A time account to lock is missing");
		}
		return new Locked(found);
	}

	/**
	 * Writes a movement's row before its legs are known, so that its
	 * {@code Idempotency-Key} is claimed first: a key already used fails here with
	 * {@link org.springframework.dao.DuplicateKeyException}. The legs follow with
	 * {@link Locked#postClaimed}.
	 */
	void claim(Movement movement) {
		this.repository.insertTransfer(movement.id(), movement.home(), movement.kind(), movement.recordId(),
				movement.correctsId(), movement.fromVolunteer(), movement.toVolunteer(), movement.hours(),
				movement.memo(), movement.actorAccountId(), movement.idempotencyKey(), now());
	}

	/** Accounts locked for one movement, with their balances as the legs change them. */
	final class Locked {

		private final Map<UUID, BigDecimal> balance = new LinkedHashMap<>();

		private final Map<UUID, BigDecimal> owed = new LinkedHashMap<>();

		private final Map<UUID, BigDecimal> owedBefore = new LinkedHashMap<>();

		private final List<Leg> legs = new ArrayList<>();

		private Locked(Map<UUID, Balance> balances) {
			balances.forEach((id, b) -> {
				this.balance.put(id, b.balance());
				this.owed.put(id, b.owed());
				this.owedBefore.put(id, b.owed());
			});
		}

		/**
		 * Locks one more account, after those locked already: a pool that the movement
		 * turns out to need. Pools come after volunteers' accounts, as in
		 * {@link TimeLedger#lock}.
		 */
		void lockAlso(UUID account) {
			if (!this.balance.containsKey(account)) {
				Balance locked = TimeLedger.this.repository.lock(account);
				this.balance.put(account, locked.balance());
				this.owed.put(account, locked.owed());
				this.owedBefore.put(account, locked.owed());
			}
		}

		BigDecimal balance(UUID account) {
			return this.balance.get(account);
		}

		BigDecimal owed(UUID account) {
			return this.owed.get(account);
		}

		void setOwed(UUID account, BigDecimal hours) {
			if (hours.signum() < 0) {
				throw new IllegalStateException("Owed hours below zero");
			}
			this.owed.put(account, hours);
		}

		/**
		 * Hours from one account to another (positive); a locked account may not go below
		 * zero. Returns the balance of the receiving account after it, if locked.
		 */
		void move(UUID from, UUID to, BigDecimal hours, EntryKind kind) {
			if (hours.signum() <= 0) {
				throw new IllegalArgumentException("A leg moves a positive number of hours");
			}
			this.legs.add(new Leg(from, hours.negate(), kind, to, after(from, hours.negate())));
			this.legs.add(new Leg(to, hours, kind, from, after(to, hours)));
		}

		private BigDecimal after(UUID account, BigDecimal hours) {
			BigDecimal before = this.balance.get(account);
			if (before == null) {
				return null;
			}
			BigDecimal after = before.add(hours);
			if (after.signum() < 0) {
				throw new IllegalStateException("A kept balance would go below zero");
			}
			this.balance.put(account, after);
			return after;
		}

		boolean isEmpty() {
			return this.legs.isEmpty();
		}

		/**
		 * Writes the movement, its entries and the new balances and owed hours of the
		 * locked accounts.
		 */
		void post(Movement movement) {
			OffsetDateTime now = now();
			TimeLedger.this.repository.insertTransfer(movement.id(), movement.home(), movement.kind(),
					movement.recordId(), movement.correctsId(), movement.fromVolunteer(), movement.toVolunteer(),
					movement.hours(), movement.memo(), movement.actorAccountId(), movement.idempotencyKey(), now);
			postLegs(movement, now);
		}

		/**
		 * Writes the entries and balances of a movement whose row was
		 * {@linkplain TimeLedger#claim claimed} in this transaction.
		 */
		void postClaimed(Movement movement) {
			postLegs(movement, now());
		}

		private void postLegs(Movement movement, OffsetDateTime now) {
			BigDecimal sum = BigDecimal.ZERO;
			List<TimeBankRepository.NewEntry> entries = new ArrayList<>();
			for (Leg leg : this.legs) {
				sum = sum.add(leg.hours());
				entries.add(new TimeBankRepository.NewEntry(Ids.newId(), movement.homeOf(leg.account()), leg.account(),
						leg.kind(), leg.hours(), leg.balanceAfter(), leg.counterparty()));
			}
			if (sum.signum() != 0) {
				throw new IllegalStateException("A movement's entries must sum to zero");
			}
			if (!entries.isEmpty()) {
				TimeLedger.this.repository.insertEntries(movement.id(), entries, now);
			}
			Map<UUID, BigDecimal[]> changed = new LinkedHashMap<>();
			for (Map.Entry<UUID, BigDecimal> kept : this.balance.entrySet()) {
				UUID account = kept.getKey();
				boolean moved = this.legs.stream().anyMatch((leg) -> leg.account().equals(account));
				if (moved || this.owed.get(account).compareTo(this.owedBefore.get(account)) != 0) {
					changed.put(account, new BigDecimal[] { kept.getValue(), this.owed.get(account) });
				}
			}
			if (!changed.isEmpty()) {
				TimeLedger.this.repository.setBalances(changed);
			}
		}

	}

	/** One entry to write: hours into (or out of) an account, from the other side. */
	private record Leg(UUID account, BigDecimal hours, EntryKind kind, UUID counterparty, BigDecimal balanceAfter) {

	}

	/**
	 * What a movement is, as its row says. Every movement is of a volunteer, who gives or
	 * receives its hours: its home, beside whom it is written.
	 */
	record Movement(UUID id, String kind, UUID recordId, UUID correctsId, UUID fromVolunteer, UUID toVolunteer,
			BigDecimal hours, String memo, UUID actorAccountId, String idempotencyKey) {

		Movement {
			if (fromVolunteer == null && toVolunteer == null) {
				throw new IllegalArgumentException("A movement is of a volunteer");
			}
		}

		/** The volunteer the movement is of: the giver, else the receiver. */
		UUID home() {
			return (fromVolunteer != null) ? fromVolunteer : toVolunteer;
		}

		/**
		 * Where an entry of the account lives: beside its volunteer for a volunteer's
		 * account (whose id is theirs), else beside the movement's volunteer.
		 */
		UUID homeOf(UUID account) {
			return (account.equals(fromVolunteer) || account.equals(toVolunteer)) ? account : home();
		}

	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
