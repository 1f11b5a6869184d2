package org.zhiyuan.volunteer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registration settings ({@code zhiyuan.volunteer.*}).
 *
 * @param privacyPolicyVersion the privacy policy in force; a registration must accept it
 * @param oathVersion the version of the volunteer oath (誓词) shown at registration
 */
@ConfigurationProperties("zhiyuan.volunteer")
public record VolunteerProperties(String privacyPolicyVersion, String oathVersion) {

	/** Volunteers register from this age (GB/T 40143, 条例). */
	public static final int MINIMUM_AGE = 14;

	/** Under this age a guardian must consent. */
	public static final int ADULT_AGE = 18;

	public VolunteerProperties {
		privacyPolicyVersion = (privacyPolicyVersion != null) ? privacyPolicyVersion : "2026-01";
		oathVersion = (oathVersion != null) ? oathVersion : "2026-01";
	}

}
