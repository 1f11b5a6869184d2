package org.zhiyuan.record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.HomeContributor;
import org.zhiyuan.access.HomeFigure;
import org.zhiyuan.access.HomeQueue;
import org.zhiyuan.access.Role;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the home page: the platform's counted service hours; for operators the activities of
 * their regions whose records are overdue and the flagged records waiting for review; for
 * admins the same of their organizations, and the corrections waiting for them.
 */
@Component
@Order(50)
class RecordHome implements HomeContributor {

	private static final PageQuery COUNT_ONLY = new PageQuery(0, 1);

	private final ServiceRecordRepository records;

	private final Regions regions;

	RecordHome(ServiceRecordRepository records, Regions regions) {
		this.records = records;
		this.regions = regions;
	}

	@Override
	public List<HomeFigure> figures() {
		return List.of(HomeFigure.hours("home.figure.hours", this.records.countedHours(), 30));
	}

	@Override
	public List<HomeQueue> queuesFor(Actor actor) {
		List<HomeQueue> queues = new ArrayList<>();
		OffsetDateTime overdueBefore = OverdueRecords.overdueEndedBefore();
		List<String> operated = actor.scopesOf(Role.OPERATOR).stream().sorted().toList();
		for (String region : operated) {
			String prefix = Regions.prefixOf(region);
			String detail = (operated.size() > 1) ? this.regions.displayName(region, LocaleContextHolder.getLocale())
					: null;
			long overdue = this.records.withoutRecords(null, prefix, overdueBefore, COUNT_ONLY).total();
			long flagged = this.records.flagged(null, prefix, ReviewFilter.OPEN.reviews(), COUNT_ONLY).total();
			queues.add(HomeQueue.of("home.queue.overdue", overdue, "/records/overdue?regionCode=" + region, 40)
				.withDetail(detail));
			queues.add(HomeQueue.of("home.queue.flagged", flagged, "/records/flagged?regionCode=" + region, 50)
				.withDetail(detail));
		}
		Set<UUID> administered = actor.scopesOf(Role.ORG_ADMIN)
			.stream()
			.flatMap((scope) -> Ids.parse(scope).stream())
			.collect(Collectors.toSet());
		if (!administered.isEmpty()) {
			long overdue = 0;
			long flagged = 0;
			long amendments = 0;
			for (UUID organization : administered) {
				overdue += this.records.withoutRecords(organization, null, overdueBefore, COUNT_ONLY).total();
				flagged += this.records.flagged(organization, null, ReviewFilter.OPEN.reviews(), COUNT_ONLY).total();
				amendments += this.records.amendmentsOfOrganization(organization, AmendmentStatus.PENDING, COUNT_ONLY)
					.total();
			}
			UUID only = (administered.size() == 1) ? administered.iterator().next() : null;
			String records = (only != null) ? "/organizations/" + only + "/records" : "/organizations/mine";
			String flaggedList = (only != null) ? "/organizations/" + only + "/records/flagged" : "/organizations/mine";
			queues.add(HomeQueue.of("home.queue.amendments", amendments, records, 35));
			queues.add(HomeQueue.of("home.queue.overdue", overdue, records, 40));
			queues.add(HomeQueue.of("home.queue.flagged", flagged, flaggedList, 50));
		}
		return queues;
	}

}
