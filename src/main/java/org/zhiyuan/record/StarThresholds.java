package org.zhiyuan.record;

import java.math.BigDecimal;
import java.util.List;

import org.zhiyuan.access.Actor;
import org.zhiyuan.regionsettings.RegionSettings;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Service;

/**
 * The hours a volunteer needs for stars 1 to 5 (C8): a setting of each region
 * ({@link RegionSettings}), inherited from the nearest region that sets it, else the
 * platform's defaults.
 */
@Service
public class StarThresholds {

	/** The platform's default hours for stars 1 to 5 (C8). */
	public static final List<BigDecimal> DEFAULTS = RegionSettings.DEFAULT_STAR_THRESHOLDS;

	private final RegionSettings settings;

	StarThresholds(RegionSettings settings) {
		this.settings = settings;
	}

	/**
	 * Sets a region's hours for stars 1 to 5 (strictly increasing, positive). They apply
	 * to the region and below, unless a nearer region has its own, from each volunteer's
	 * next record or approved correction on.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}, 403 for anyone but its
	 * operators, 400 for bad hours
	 */
	public List<BigDecimal> set(Actor operator, String regionCode, List<BigDecimal> hoursForStars1to5) {
		return this.settings.setStarThresholds(operator, regionCode, hoursForStars1to5, "hours");
	}

	/**
	 * The hours for stars 1 to 5 that apply in a region: its own, else the nearest
	 * ancestor's, else the platform defaults.
	 * @throws ProblemException 404 {@code REGION_NOT_FOUND}
	 */
	public List<BigDecimal> of(String regionCode) {
		return this.settings.starThresholds(regionCode);
	}

	/** The star level that the hours reach under the thresholds (0 to 5). */
	static int starFor(BigDecimal total, List<BigDecimal> thresholds) {
		int star = 0;
		for (BigDecimal threshold : thresholds) {
			if (total.compareTo(threshold) >= 0) {
				star++;
			}
		}
		return star;
	}

}
