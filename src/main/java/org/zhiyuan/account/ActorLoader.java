package org.zhiyuan.account;

import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;

import org.springframework.stereotype.Component;

/** Builds the actor of an account: its identity and current grants. */
@Component
class ActorLoader {

	private final AccountRepository accounts;

	ActorLoader(AccountRepository accounts) {
		this.accounts = accounts;
	}

	Actor actorOf(AccountRow account) {
		return new Actor(account.id(), account.username(), account.displayName(), this.accounts.grantsOf(account.id()));
	}

	/**
	 * The actor for a token: present only while the account is active and the token
	 * current.
	 */
	Optional<Actor> forToken(UUID accountId, int credentialsVersion) {
		return this.accounts.findWithGrants(accountId)
			.filter((found) -> found.account().status() == AccountStatus.ACTIVE
					&& found.account().credentialsVersion() == credentialsVersion)
			.map((found) -> new Actor(found.account().id(), found.account().username(), found.account().displayName(),
					found.grants()));
	}

}
