package org.zhiyuan.volunteer;

import java.util.Locale;

/**
 * A code of the platform's list of qualifications, e.g. {@code FIRST_AID} 急救证书: what a
 * position may require and a course may grant.
 */
public record QualificationCode(String code, String name, String nameEn) {

	/** The name to show in the given language. */
	public String nameIn(Locale locale) {
		return (locale != null && "en".equals(locale.getLanguage()) && this.nameEn != null) ? this.nameEn : this.name;
	}

}
