package org.zhiyuan.stats.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.zhiyuan.region.Regions;
import org.zhiyuan.stats.ReportPeriod;
import org.zhiyuan.stats.Statistics;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A region's public page of headline figures, made for the large screen of a service
 * centre (大屏) and readable on a phone: registered volunteers against the goal, hours,
 * activities and organizations, all time and this year. Counts only, no one's personal
 * data; open to anyone; the page reloads itself every minute.
 */
@Controller
class ScreenPageController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Statistics statistics;

	private final Regions regions;

	ScreenPageController(Statistics statistics, Regions regions) {
		this.statistics = statistics;
		this.regions = regions;
	}

	@GetMapping("/regions/{code}/screen")
	String screen(@PathVariable String code, Model model, Locale locale) {
		int year = LocalDate.now(CHINA).getYear();
		model.addAttribute("all", this.statistics.publicOverview(code, ReportPeriod.allTime()));
		model.addAttribute("year", this.statistics.publicOverview(code, ReportPeriod.ofYear(year)));
		model.addAttribute("yearNumber", year);
		String name = this.regions.fullName(code.strip(), locale);
		model.addAttribute("regionName", name.isBlank() ? this.regions.displayName(code.strip(), locale) : name);
		model.addAttribute("updatedAt", LocalDateTime.now(CHINA).withNano(0).withSecond(0));
		return "stats/screen";
	}

}
