package org.zhiyuan.apiclient;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no authorizations. The token endpoint serves the client credentials grant only,
 * whose access tokens are self-contained JWTs: the API verifies their signature and reads
 * the client afresh on every call (revocation and rotation are decided there, from
 * {@code api_client}), so nothing issued needs to be looked up again. Saving is therefore
 * a no-op and every find answers {@code null}: unlike the in-memory service, nothing
 * grows with each token issued, and several instances need share nothing but the
 * database. The endpoints that would look authorizations up (introspection, revocation,
 * the authorization code and refresh token grants) are not served.
 */
class StatelessAuthorizations implements OAuth2AuthorizationService {

	@Override
	public void save(OAuth2Authorization authorization) {
		// nothing to keep: see the class comment
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		// nothing kept
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return null;
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return null;
	}

}
