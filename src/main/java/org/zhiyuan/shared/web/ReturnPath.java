package org.zhiyuan.shared.web;

import java.util.Locale;

/**
 * Where a visitor goes back to after signing in or registering: the {@code continue}
 * parameter, trusted only as a path on this platform. It must begin with a single
 * {@code /}, hold no {@code //} and no backslash (raw or encoded), and only printable
 * ASCII (browsers drop tabs and line breaks, which could turn {@code /\t/host} into
 * {@code //host}). Anything else is ignored, so that a link can never send a signed-in
 * visitor off the platform. A redirect is never built from the {@code Host} header: the
 * path is sent as it is, relative to where the visitor already is.
 */
public final class ReturnPath {

	/** The request parameter and form field that carries the path. */
	public static final String PARAMETER = "continue";

	private static final int LONGEST = 512;

	private ReturnPath() {
	}

	/**
	 * The candidate when it is a safe local path, else {@code null}.
	 * @param candidate what a link or form said, may be {@code null}
	 */
	public static String orNull(String candidate) {
		return isLocal(candidate) ? candidate : null;
	}

	/** Whether the candidate is a path on this platform and nothing else. */
	public static boolean isLocal(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > LONGEST || candidate.charAt(0) != '/') {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (c <= 0x20 || c >= 0x7f || c == '\\') {
				return false;
			}
		}
		String lower = candidate.toLowerCase(Locale.ROOT);
		return !candidate.contains("//") && !lower.contains("%5c") && !lower.contains("%2f%2f")
				&& !lower.startsWith("/%2f") && !lower.contains("%09") && !lower.contains("%0a")
				&& !lower.contains("%0d");
	}

}
