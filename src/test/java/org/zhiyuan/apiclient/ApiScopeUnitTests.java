package org.zhiyuan.apiclient;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each scope opens: its method and paths only, never a path of one's own, and the
 * values the API documents are the scopes there are.
 */
class ApiScopeUnitTests {

	@Test
	void aScopeOpensItsMethodAndPathsOnly() {
		assertThat(ApiScope.STATS_READ.opens(HttpMethod.GET, "/api/v1/stats/overview")).isTrue();
		assertThat(ApiScope.STATS_READ.opens(HttpMethod.POST, "/api/v1/stats/overview")).isFalse();
		assertThat(ApiScope.VOLUNTEERS_READ.opens(HttpMethod.GET, "/api/v1/volunteers/0190-x")).isTrue();
		assertThat(ApiScope.VOLUNTEERS_READ.opens(HttpMethod.GET, "/api/v1/volunteers/me")).isFalse();
		assertThat(ApiScope.VOLUNTEERS_READ.opens(HttpMethod.GET, "/api/v1/volunteers/me/export")).isFalse();
		assertThat(ApiScope.RECORDS_WRITE.opens(HttpMethod.POST, "/api/v1/records/abc/resolution")).isTrue();
		assertThat(ApiScope.RECORDS_WRITE.opens(HttpMethod.POST, "/api/v1/records")).isFalse();
		assertThat(ApiScope.WEBHOOKS.opens(HttpMethod.DELETE, "/api/v1/webhooks/abc")).isTrue();
		assertThat(Arrays.stream(ApiScope.values()).anyMatch((scope) -> scope.opens(HttpMethod.GET, "/actuator/env")))
			.isFalse();
		assertThat(
				Arrays.stream(ApiScope.values()).anyMatch((scope) -> scope.opens(HttpMethod.POST, "/api/v1/clients")))
			.isFalse();
	}

	@Test
	void readScopesGiveAnAuditorsGrantAndAWriteScopeAnOperators() {
		assertThat(ApiClients.grantsOf(java.util.List.of(ApiScope.STATS_READ, ApiScope.RECORDS_READ), "540202"))
			.containsExactly(org.zhiyuan.access.Grant.auditorOf("540202"));
		assertThat(ApiClients.grantsOf(java.util.List.of(ApiScope.STATS_READ, ApiScope.RECORDS_WRITE), "540202"))
			.containsExactly(org.zhiyuan.access.Grant.operatorOf("540202"));
		assertThat(ClientTokens.masked("/api/v1/volunteers/0190a6b2-1c3d/records"))
			.isEqualTo("/api/v1/volunteers/*/records");
	}

}
