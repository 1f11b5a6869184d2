package org.zhiyuan.activity;

import java.util.List;
import java.util.Locale;

/**
 * The platform's list of qualification codes, which a position's requirements are picked
 * from, kept by the module that owns it (training, whose courses grant them). Without
 * such a bean every requirement is taken as written.
 */
public interface QualificationCatalog {

	/** Every code of the list with its names, by code. */
	List<Code> codes();

	/** A code of the list, e.g. {@code FIRST_AID} 急救证书 (First aid certificate). */
	record Code(String code, String name, String nameEn) {

		/** The name to show in the given language. */
		public String nameIn(Locale locale) {
			return (locale != null && "en".equals(locale.getLanguage()) && this.nameEn != null) ? this.nameEn
					: this.name;
		}

	}

}
