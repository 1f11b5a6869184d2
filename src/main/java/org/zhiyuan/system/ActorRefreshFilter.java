package org.zhiyuan.system;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.ActorAuthentication;
import org.zhiyuan.account.AccountManagement;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a web session's actor current: roles granted or taken away since sign-in apply
 * from the next request, and a closed account's session ends. One primary-key read per
 * signed-in page request.
 */
class ActorRefreshFilter extends OncePerRequestFilter {

	private final AccountManagement accounts;

	ActorRefreshFilter(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityContext context = SecurityContextHolder.getContext();
		Authentication authentication = context.getAuthentication();
		if (authentication instanceof ActorAuthentication signedIn) {
			Actor actor = signedIn.getPrincipal();
			Optional<Actor> current = this.accounts.currentActor(actor.accountId());
			if (current.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (!current.get().grants().equals(actor.grants())) {
				SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
				refreshed.setAuthentication(new ActorAuthentication(current.get()));
				SecurityContextHolder.setContext(refreshed);
			}
		}
		chain.doFilter(request, response);
	}

}
