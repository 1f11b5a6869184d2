package org.zhiyuan.commendation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomePanel;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the home page: a signed-in volunteer's own honours, and for everyone the way to the
 * honour roll (of the volunteer's region when signed in as one).
 */
@Component
@Order(60)
class CommendationHome implements HomeContributor {

	private final CommendationRepository repository;

	private final Volunteers volunteers;

	CommendationHome(CommendationRepository repository, Volunteers volunteers) {
		this.repository = repository;
		this.volunteers = volunteers;
	}

	@Override
	public List<HomePanel> panelsFor(Actor actorOrNull) {
		List<HomePanel> panels = new ArrayList<>();
		String regionCode = null;
		if (actorOrNull != null) {
			var volunteer = this.volunteers.findByAccount(actorOrNull.accountId());
			if (volunteer.isPresent()) {
				regionCode = volunteer.get().regionCode();
				List<AwardView> awards = this.repository.awardsOf(volunteer.get().id());
				if (!awards.isEmpty()) {
					panels.add(new HomePanel("commendation/fragments", "mine", Map.of("awards", awards),
							HomePanel.Section.MINE, 25));
				}
			}
		}
		Map<String, Object> roll = new HashMap<>();
		roll.put("regionCode", regionCode);
		panels.add(new HomePanel("commendation/fragments", "roll", roll, HomePanel.Section.PLATFORM, 90));
		return panels;
	}

}
