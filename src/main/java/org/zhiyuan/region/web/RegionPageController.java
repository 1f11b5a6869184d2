package org.zhiyuan.region.web;

import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region browser: provinces first, each level opened in place with htmx, down to the
 * communities; without scripts each level opens as its own page.
 */
@Controller
class RegionPageController {

	private final Regions regions;

	RegionPageController(Regions regions) {
		this.regions = regions;
	}

	/**
	 * The provinces; with {@code code}, that region's path and the regions below it, so
	 * that the levels open with plain links where scripts do not run.
	 */
	@GetMapping("/regions")
	String browse(@RequestParam(required = false) String code, Model model) {
		if (code != null && !code.isEmpty()) {
			require(code);
			model.addAttribute("path", this.regions.path(code));
		}
		model.addAttribute("regions",
				this.regions.children((code != null && !code.isEmpty()) ? code : Regions.NATIONAL));
		return "region/browse";
	}

	@GetMapping("/regions/{code}/children")
	String children(@PathVariable String code, Model model) {
		model.addAttribute("parent", require(code));
		model.addAttribute("regions", this.regions.children(code));
		return "region/browse :: children";
	}

	private Region require(String code) {
		return this.regions.find(code)
			.orElseThrow(() -> ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", code));
	}

}
