package org.zhiyuan.signup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomePanel;
import org.zhiyuan.access.HomeQueue;
import org.zhiyuan.access.Role;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On the home page: a volunteer's next activity (an accepted place, not yet over) with
 * the way to check in on its day; and for admins of organizations the sign-ups waiting
 * for their approval.
 */
@Component
@Order(30)
class SignupHome implements HomeContributor {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final Volunteers volunteers;

	private final Activities activities;

	SignupHome(JdbcClient jdbc, Volunteers volunteers, Activities activities) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.activities = activities;
	}

	@Override
	public List<HomeQueue> queuesFor(Actor actor) {
		Set<UUID> organizations = actor.scopesOf(Role.ORG_ADMIN)
			.stream()
			.flatMap((scope) -> Ids.parse(scope).stream())
			.collect(Collectors.toSet());
		if (organizations.isEmpty()) {
			return List.of();
		}
		Map<UUID, Long> pendingByActivity = new HashMap<>();
		this.jdbc
			.sql("SELECT s.activity_id, COUNT(*) FROM signup s JOIN activity a ON a.id = s.activity_id"
					+ " WHERE s.status = 'PENDING' AND a.organization_id IN (:organizations)"
					+ " AND a.status IN ('RECRUITING', 'IN_PROGRESS') GROUP BY s.activity_id")
			.param("organizations", organizations)
			.query((rs) -> {
				pendingByActivity.put(rs.getObject(1, UUID.class), rs.getLong(2));
			});
		long pending = pendingByActivity.values().stream().mapToLong(Long::longValue).sum();
		String link;
		if (pendingByActivity.size() == 1) {
			link = "/activities/" + pendingByActivity.keySet().iterator().next() + "/roster";
		}
		else if (organizations.size() == 1) {
			link = "/organizations/" + organizations.iterator().next() + "/activities";
		}
		else {
			link = "/organizations/mine";
		}
		return List.of(HomeQueue.of("home.queue.pendingSignups", pending, link, 10));
	}

	@Override
	public List<HomePanel> panelsFor(Actor actorOrNull) {
		if (actorOrNull == null) {
			return List.of();
		}
		return this.volunteers.findByAccount(actorOrNull.accountId()).map((volunteer) -> {
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			Optional<ActivityView> next = this.jdbc
				.sql("SELECT s.activity_id FROM signup s JOIN activity a ON a.id = s.activity_id"
						+ " WHERE s.volunteer_id = :volunteer AND s.status = 'APPROVED' AND a.ends_at > :now"
						+ " AND a.status IN ('RECRUITING', 'IN_PROGRESS') ORDER BY a.starts_at, a.id LIMIT 1")
				.param("volunteer", volunteer.id())
				.param("now", now)
				.query(UUID.class)
				.optional()
				.flatMap(this.activities::find);
			Map<String, Object> model = new HashMap<>();
			model.put("activity", next.orElse(null));
			model.put("checkIn",
					next.map((activity) -> !activity.startsAt()
						.atZoneSameInstant(CHINA)
						.toLocalDate()
						.isAfter(LocalDate.now(CHINA))).orElse(false));
			return List.of(new HomePanel("signup/home", "next", model, HomePanel.Section.MINE, 10));
		}).orElse(List.of());
	}

}
