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

	/**
	 * The region a page was asked for, or else the first (by code) of the regions the
	 * actor reads: where an operator's or auditor's page opens.
	 * @throws org.zhiyuan.shared.ProblemException 403 when none was asked for and the
	 * actor reads none
	 */
	public String regionOrFirstReadable(String chosen) {
		if (chosen != null && !chosen.isBlank()) {
			return chosen.strip();
		}
		return readableRegions().stream()
			.sorted()
			.findFirst()
			.orElseThrow(() -> org.zhiyuan.shared.ProblemException.forbidden("problem.forbidden.region"));
	}

	@Override
	public String toString() {
		return "Actor[" + this.accountId + "]";
	}

}
