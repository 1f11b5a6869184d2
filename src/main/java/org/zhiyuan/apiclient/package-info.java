/**
 * Other systems that call the API (C17): clients registered by an operator of a region,
 * with scopes that say which calls they may make, which get short-lived ES256 access
 * tokens at {@code POST /oauth2/token} (OAuth 2.0 client credentials, Spring's
 * authorization server) and act within their region only; the secret shown once,
 * rotatable, revocable with immediate effect, and every call audited with the client's
 * name.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "account", "audit", "region", "interop" })
package org.zhiyuan.apiclient;
