package org.zhiyuan.region.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.region.Region;
import org.zhiyuan.region.RegionLevel;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public lookups of administrative divisions, for forms, filters and other systems.
 */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "Regions",
		description = "GB/T 2260 administrative divisions, with the streets and communities (村/居委会) of the statistical division codes")
class RegionController {

	private static final int SEARCH_LIMIT = 50;

	private final Regions regions;

	RegionController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping
	@Operation(summary = "Provinces, or regions whose name contains q",
			description = "With q: at most 50 regions whose Chinese or English name contains q or whose code starts"
					+ " with it, the higher levels first. Communities (村/居委会, level COMMUNITY) are searched"
					+ " only when the levels above leave room; give within (a region code) to search one"
					+ " region and the regions below it, which is faster.")
	List<RegionView> list(@RequestParam(required = false) String q,
			@Parameter(description = "Search only within this region, e.g. 110105",
					example = "110105") @RequestParam(required = false) String within) {
		if (q != null) {
			List<FieldProblem> problems = new ArrayList<>();
			if (q.isBlank() || q.length() > 40) {
				problems.add(new FieldProblem("q", "validation.region.query"));
			}
			if (within != null && !this.regions.exists(within)) {
				problems.add(new FieldProblem("within", "validation.regionCode"));
			}
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return this.regions.search(q, (within != null) ? within : Regions.NATIONAL, SEARCH_LIMIT)
				.stream()
				.map(RegionView::of)
				.toList();
		}
		return this.regions.children(Regions.NATIONAL).stream().map(RegionView::of).toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One region with its path from the province down")
	RegionDetail get(@PathVariable String code) {
		Region region = require(code);
		return new RegionDetail(region.code(), region.name(), region.parentCode(), region.level(),
				this.regions.fullName(code), this.regions.path(code).stream().map(RegionView::of).toList(),
				region.displayName(Locale.ENGLISH), this.regions.fullName(code, Locale.ENGLISH));
	}

	@GetMapping("/{code}/children")
	@Operation(summary = "The regions directly below one region",
			description = "Below a street (9 digits): its communities (村/居委会, 12 digits, level COMMUNITY).")
	List<RegionView> children(@PathVariable String code) {
		require(code);
		return this.regions.children(code).stream().map(RegionView::of).toList();
	}

	private Region require(String code) {
		return this.regions.find(code)
			.orElseThrow(() -> ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", code));
	}

	/**
	 * One region. {@code nameEn} is its English name ({@code Chaoyang District}), the
	 * Chinese name where the dataset has none.
	 */
	record RegionView(String code, String name, String parentCode, RegionLevel level,
			@Schema(description = "English name (pinyin with the kind of division), e.g. Chaoyang District",
					example = "Chaoyang District") String nameEn) {

		static RegionView of(Region region) {
			return new RegionView(region.code(), region.name(), region.parentCode(), region.level(),
					region.displayName(Locale.ENGLISH));
		}

	}

	/**
	 * One region with its path. {@code fullNameEn} is the path in English order:
	 * {@code Jianwai Subdistrict, Chaoyang District, Beijing}.
	 */
	record RegionDetail(String code, String name, String parentCode, RegionLevel level, String fullName,
			List<RegionView> path,
			@Schema(description = "English name, e.g. Jianwai Subdistrict",
					example = "Jianwai Subdistrict") String nameEn,
			@Schema(description = "The path in English, the region first",
					example = "Jianwai Subdistrict, Chaoyang District, Beijing") String fullNameEn) {

	}

}
