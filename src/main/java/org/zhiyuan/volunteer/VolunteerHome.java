package org.zhiyuan.volunteer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomeFigure;
import org.zhiyuan.access.HomePanel;
import org.zhiyuan.access.HomeRegions;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the home page: how many volunteers are registered, and for a signed-in volunteer
 * their own hours and star level, with the way to their records and certificates; and the
 * region a volunteer lives in, for the modules that show what is near first.
 */
@Component
@Order(10)
class VolunteerHome implements HomeContributor, HomeRegions {

	private final VolunteerRepository volunteers;

	private final JdbcClient jdbc;

	VolunteerHome(VolunteerRepository volunteers, JdbcClient jdbc) {
		this.volunteers = volunteers;
		this.jdbc = jdbc;
	}

	@Override
	public List<HomeFigure> figures() {
		long registered = this.jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE status = 'ACTIVE'")
			.query(Long.class)
			.single();
		return List.of(HomeFigure.count("home.figure.volunteers", registered, 10));
	}

	@Override
	public List<HomePanel> panelsFor(Actor actorOrNull) {
		if (actorOrNull == null) {
			return List.of();
		}
		return this.volunteers.findByAccount(actorOrNull.accountId())
			.filter((volunteer) -> volunteer.status() == VolunteerStatus.ACTIVE)
			.map((volunteer) -> List.of(new HomePanel("volunteer/home", "mine",
					Map.of("hours", volunteer.totalHours(), "stars", volunteer.starLevel()), HomePanel.Section.MINE,
					20)))
			.orElse(List.of());
	}

	@Override
	public Optional<String> homeRegionOf(Actor actor) {
		return this.volunteers.findByAccount(actor.accountId()).map(VolunteerView::regionCode);
	}

}
