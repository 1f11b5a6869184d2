package org.zhiyuan.shared.web;

/**
 * A failed form sign-in, handed from the security configuration to the sign-in page as a
 * request attribute, so that the page shows the error next to the field and keeps the
 * username (never the password) without a redirect, a session, or the username in a URL.
 *
 * @param messageKey the message to show
 * @param username what was typed as the username, trimmed to the field's length
 * @param throttled whether the throttle refused the attempt
 */
public record SignInFailure(String messageKey, String username, boolean throttled) {

	/** The request attribute that holds the failure. */
	public static final String ATTRIBUTE = SignInFailure.class.getName();

	private static final int LONGEST_USERNAME = 64;

	public SignInFailure {
		if (username != null && username.length() > LONGEST_USERNAME) {
			username = username.substring(0, LONGEST_USERNAME);
		}
	}

}
