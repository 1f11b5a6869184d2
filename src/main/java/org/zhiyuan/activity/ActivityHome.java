package org.zhiyuan.activity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomeFigure;
import org.zhiyuan.access.HomePanel;
import org.zhiyuan.access.HomeRegions;
import org.zhiyuan.shared.PageQuery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the home page: how many activities recruit, the next ones open for sign-up (those in
 * the signed-in volunteer's district first) and the brand projects.
 */
@Component
@Order(40)
class ActivityHome implements HomeContributor {

	private static final int RECRUITING_SHOWN = 6;

	private static final int BRANDS_SHOWN = 6;

	private final ActivityRepository activities;

	private final ObjectProvider<HomeRegions> homeRegions;

	ActivityHome(ActivityRepository activities, ObjectProvider<HomeRegions> homeRegions) {
		this.activities = activities;
		this.homeRegions = homeRegions;
	}

	@Override
	public List<HomeFigure> figures() {
		return List.of(HomeFigure.count("home.figure.activities",
				this.activities.countInStatus(ActivityStatus.RECRUITING), 40));
	}

	@Override
	public List<HomePanel> panelsFor(Actor actorOrNull) {
		List<HomePanel> panels = new ArrayList<>();
		List<ActivityView> recruiting = this.activities.recruitingSoon(OffsetDateTime.now(ZoneOffset.UTC),
				districtOf(actorOrNull), RECRUITING_SHOWN);
		panels.add(new HomePanel("activity/home", "recruiting", Map.of("activities", recruiting),
				HomePanel.Section.PLATFORM, 50));
		List<ProjectView> brands = this.activities.projects(null, null, null, true, PageQuery.of(0, BRANDS_SHOWN))
			.items();
		if (!brands.isEmpty()) {
			panels.add(new HomePanel("activity/home", "brands", Map.of("projects", brands), HomePanel.Section.PLATFORM,
					60));
		}
		return panels;
	}

	/**
	 * The first six digits (the district) of the volunteer's region, if the actor is one.
	 */
	private String districtOf(Actor actor) {
		HomeRegions regions = this.homeRegions.getIfAvailable();
		if (actor == null || regions == null) {
			return null;
		}
		return regions.homeRegionOf(actor)
			.filter((code) -> code.length() >= 6)
			.map((code) -> code.substring(0, 6))
			.orElse(null);
	}

}
