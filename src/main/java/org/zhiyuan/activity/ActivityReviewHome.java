package org.zhiyuan.activity;

import java.util.ArrayList;
import java.util.List;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomeQueue;
import org.zhiyuan.access.Role;
import org.zhiyuan.region.Regions;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an operator's home page: the activities of each region they operate that wait for
 * review or, registered after the fact, for confirmation.
 */
@Component
@Order(45)
class ActivityReviewHome implements HomeContributor {

	private final ActivityReviews reviews;

	private final Regions regions;

	ActivityReviewHome(ActivityReviews reviews, Regions regions) {
		this.reviews = reviews;
		this.regions = regions;
	}

	@Override
	public List<HomeQueue> queuesFor(Actor actor) {
		List<HomeQueue> queues = new ArrayList<>();
		List<String> operated = actor.scopesOf(Role.OPERATOR).stream().sorted().toList();
		for (String region : operated) {
			String detail = (operated.size() > 1) ? this.regions.displayName(region, LocaleContextHolder.getLocale())
					: null;
			queues.add(
					HomeQueue
						.of("home.queue.activityReview", this.reviews.waitingCount(region),
								"/activities/review?regionCode=" + region, 20)
						.withDetail(detail));
		}
		return queues;
	}

}
