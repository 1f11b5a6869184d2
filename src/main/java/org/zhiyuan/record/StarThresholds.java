package org.zhiyuan.record;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours a volunteer needs for stars 1 to 5 (C8): per region, inherited from the
 * nearest region that has its own, else the platform's defaults.
 */
@Service
public class StarThresholds {

	/** The platform's default hours for stars 1 to 5 (C8). */
	public static final List<BigDecimal> DEFAULTS = List.of(hours("100"), hours("300"), hours("600"), hours("1000"),
			hours("1500"));

	private final ServiceRecordRepository records;

	private final AccessPolicy accessPolicy;

	private final Regions regions;

	private final AuditLog auditLog;

	StarThresholds(ServiceRecordRepository records, AccessPolicy accessPolicy, Regions regions, AuditLog auditLog) {
		this.records = records;
		this.accessPolicy = accessPolicy;
		this.regions = regions;
		this.auditLog = auditLog;
	}

	/**
	 * Sets a region's hours for stars 1 to 5 (strictly increasing, positive). They apply
	 * to the region and below, unless a nearer region has its own, from each volunteer's
	 * next record or approved correction on.
	 */
	@Transactional
	public List<BigDecimal> set(Actor operator, String regionCode, List<BigDecimal> hoursForStars1to5) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		this.accessPolicy.requireOperatorOf(operator, regionCode);
		List<BigDecimal> values = (hoursForStars1to5 != null) ? hoursForStars1to5 : List.of();
		boolean valid = values.size() == 5;
		for (int i = 0; valid && i < values.size(); i++) {
			BigDecimal value = values.get(i);
			valid = value != null && value.signum() > 0 && value.stripTrailingZeros().scale() <= 2
					&& value.compareTo(new BigDecimal("999999.99")) <= 0
					&& (i == 0 || value.compareTo(values.get(i - 1)) > 0);
		}
		if (!valid) {
			throw ProblemException.invalid(List.of(new FieldProblem("hours", "validation.record.thresholds")));
		}
		List<BigDecimal> scaled = values.stream().map((v) -> v.setScale(2, RoundingMode.HALF_UP)).toList();
		this.records.replaceThresholds(regionCode, scaled);
		this.auditLog.record(AuditRecord.of("record.star-thresholds", operator.accountId())
			.on("region", regionCode)
			.inRegion(regionCode)
			.withDetail(String.join(",", scaled.stream().map(BigDecimal::toPlainString).toList())));
		return scaled;
	}

	/**
	 * The hours for stars 1 to 5 that apply in a region: its own, else the nearest
	 * ancestor's, else the platform defaults.
	 */
	public List<BigDecimal> of(String regionCode) {
		if (regionCode == null || !this.regions.exists(regionCode)) {
			throw ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", regionCode);
		}
		List<Region> path = new ArrayList<>(this.regions.path(regionCode));
		Collections.reverse(path);
		List<String> codes = new ArrayList<>(path.stream().map(Region::code).toList());
		codes.add(Regions.NATIONAL);
		for (String code : codes) {
			List<BigDecimal> own = this.records.thresholdsOf(code);
			if (own.size() == 5) {
				return own;
			}
		}
		return DEFAULTS;
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

	private static BigDecimal hours(String value) {
		return new BigDecimal(value).setScale(2);
	}

}
