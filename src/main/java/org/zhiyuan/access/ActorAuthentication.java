package org.zhiyuan.access;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated actor, whether signed in by form or by bearer token. Authorities are
 * the roles ({@code ROLE_OPERATOR}, …) for coarse checks; scope is decided by
 * {@link AccessPolicy}.
 */
public class ActorAuthentication extends AbstractAuthenticationToken {

	private final Actor actor;

	public ActorAuthentication(Actor actor) {
		super(authoritiesOf(actor));
		this.actor = actor;
		setAuthenticated(true);
	}

	private static List<GrantedAuthority> authoritiesOf(Actor actor) {
		return actor.grants()
			.stream()
			.map((grant) -> grant.role().name())
			.distinct()
			.<GrantedAuthority>map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Actor getPrincipal() {
		return this.actor;
	}

	@Override
	public String getName() {
		return this.actor.username();
	}

}
