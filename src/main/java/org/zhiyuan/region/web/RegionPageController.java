package org.zhiyuan.region.web;

import org.zhiyuan.region.Region;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The region browser: provinces first, each level opened in place with htmx.
 */
@Controller
class RegionPageController {

	private final Regions regions;

	RegionPageController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/regions")
	String browse(Model model) {
		model.addAttribute("regions", this.regions.children(Regions.NATIONAL));
		return "region/browse";
	}

	@GetMapping("/regions/{code}/children")
	String children(@PathVariable String code, Model model) {
		Region region = this.regions.find(code)
			.orElseThrow(() -> ProblemException.notFound("REGION_NOT_FOUND", "region.notFound", code));
		model.addAttribute("parent", region);
		model.addAttribute("regions", this.regions.children(code));
		return "region/browse :: children";
	}

}
