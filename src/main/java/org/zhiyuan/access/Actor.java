package org.zhiyuan.access;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in caller: their account and the grants they hold. This is the principal of
 * both web sessions and API tokens.
 */
public record Actor(UUID accountId, String username, String displayName,
		Set<Grant> grants) implements AuthenticatedPrincipal, Serializable {

	public Actor {
		grants = Set.copyOf(grants);
	}

	@Override
	public String getName() {
		return this.username;
	}

	public boolean has(Role role) {
		return this.grants.stream().anyMatch((grant) -> grant.role() == role);
	}

	/** The scopes in which the actor holds the role. */
	public Set<String> scopesOf(Role role) {
		return this.grants.stream()
			.filter((grant) -> grant.role() == role)
			.map(Grant::scope)
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Region codes the actor may read: those of operator and auditor grants. */
	public Set<String> readableRegions() {
		return this.grants.stream()
			.filter((grant) -> grant.role() == Role.OPERATOR || grant.role() == Role.AUDITOR)
			.map(Grant::scope)
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public String toString() {
		return "Actor[" + this.accountId + "]";
	}

}
