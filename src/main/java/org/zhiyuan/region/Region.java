package org.zhiyuan.region;

import java.util.Locale;

/**
 * One administrative division. {@code parentCode} is {@code null} only for the nation.
 * {@code nameEn} is the English name from the dataset ({@code Chaoyang District}), or
 * {@code null} where there is none.
 */
public record Region(String code, String name, String parentCode, RegionLevel level, String nameEn) {

	public Region(String code, String name, String parentCode, RegionLevel level) {
		this(code, name, parentCode, level, null);
	}

	/**
	 * The name to show in that language: English where the dataset has it, else Chinese.
	 */
	public String displayName(Locale locale) {
		return (Regions.isEnglish(locale) && this.nameEn != null && !this.nameEn.isBlank()) ? this.nameEn : this.name;
	}

}
