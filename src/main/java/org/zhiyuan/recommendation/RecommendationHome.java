package org.zhiyuan.recommendation;

import java.util.List;
import java.util.Map;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomePanel;
import org.zhiyuan.access.HomePanel.Section;
import org.zhiyuan.access.Role;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a volunteer's home page: a block of the first few recommendations, which the page
 * loads after it has shown (the ranking reads more than a home page should wait for).
 */
@Component
@Order(35)
class RecommendationHome implements HomeContributor {

	@Override
	public List<HomePanel> panelsFor(Actor actorOrNull) {
		if (actorOrNull == null || !actorOrNull.has(Role.VOLUNTEER)) {
			return List.of();
		}
		return List.of(new HomePanel("recommendation/panel", "home", Map.of(), Section.MINE, 35));
	}

}
