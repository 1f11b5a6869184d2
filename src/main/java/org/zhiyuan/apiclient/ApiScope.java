package org.zhiyuan.apiclient;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * What a registered system may call: each scope names the API operations (method and path
 * pattern) it opens. A read scope gives the client an auditor's grant in its region, a
 * write scope an operator's; the scope then narrows that grant to its own operations, and
 * the region checks of each operation still apply. A path of the caller's own
 * ({@code /me}) is never open to a client.
 */
public enum ApiScope {

	/** Activities, their attendance and reviews, projects. */
	ACTIVITIES_READ("activities:read", false, "GET", "/api/v1/activities", "/api/v1/activities/*",
			"/api/v1/activities/*/attendance", "/api/v1/organizations/*/activities", "/api/v1/projects",
			"/api/v1/activity-reviews"),

	/** Organizations, their history and members. */
	ORGANIZATIONS_READ("organizations:read", false, "GET", "/api/v1/organizations", "/api/v1/organizations/supervised",
			"/api/v1/organizations/*", "/api/v1/organizations/*/history", "/api/v1/organizations/*/members"),

	/** Volunteers as the region's operators may read them. */
	VOLUNTEERS_READ("volunteers:read", false, "GET", "/api/v1/volunteers", "/api/v1/volunteers/*",
			"/api/v1/volunteers/*/profile"),

	/** Service records, amendments, overdue and flagged records. */
	RECORDS_READ("records:read", false, "GET", "/api/v1/records/*", "/api/v1/records/*/amendments",
			"/api/v1/volunteers/*/records", "/api/v1/records/overdue", "/api/v1/records/flagged",
			"/api/v1/organizations/*/overdue-records", "/api/v1/organizations/*/flagged-records"),

	/** Statistics: overview, breakdowns, rankings, reconciliation. */
	STATS_READ("stats:read", false, "GET", "/api/v1/stats/**"),

	/** Decides activity reviews of the region. */
	ACTIVITIES_WRITE("activities:write", true, "POST", "/api/v1/activities/*/review"),

	/** Resolves flagged or held records of the region. */
	RECORDS_WRITE("records:write", true, "POST", "/api/v1/records/*/resolution"),

	/** Manages the client's webhook subscriptions, any method. */
	WEBHOOKS("webhooks", true, null, "/api/v1/webhooks", "/api/v1/webhooks/**");

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final String value;

	private final boolean writes;

	private final String method;

	private final List<String> patterns;

	ApiScope(String value, boolean writes, String method, String... patterns) {
		this.value = value;
		this.writes = writes;
		this.method = method;
		this.patterns = List.of(patterns);
	}

	/** The scope as written in requests and tokens, e.g. {@code records:read}. */
	public String value() {
		return this.value;
	}

	/** Whether the scope changes data: its client holds an operator's grant. */
	public boolean writes() {
		return this.writes;
	}

	/** The message key of the scope's description. */
	public String messageKey() {
		return "apiclient.scope." + this.value.replace(':', '.');
	}

	/** The method the scope opens, or {@code null} for any. */
	public String method() {
		return this.method;
	}

	/** The path patterns the scope opens. */
	public List<String> patterns() {
		return this.patterns;
	}

	/** Whether the scope opens this operation. */
	public boolean opens(HttpMethod requestMethod, String path) {
		if (path == null || isOwn(path)) {
			return false;
		}
		if (this.method != null && !this.method.equals(requestMethod.name())) {
			return false;
		}
		return this.patterns.stream().anyMatch((pattern) -> PATHS.match(pattern, path));
	}

	private static boolean isOwn(String path) {
		return path.endsWith("/me") || path.contains("/me/");
	}

	public static Optional<ApiScope> of(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

}
