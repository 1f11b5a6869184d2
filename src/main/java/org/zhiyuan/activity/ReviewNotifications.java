package org.zhiyuan.activity;

import java.util.ArrayList;
import java.util.List;

import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever sent an activity for review what the operators decided, with their
 * reason, in the same transaction as the decision, linking to the activity (where a
 * rejected one is changed and sent again).
 */
@Component
class ReviewNotifications {

	private final Notifications notifications;

	ReviewNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	void on(ActivityReviewed event) {
		String key = "notice.activity." + (event.backfill() ? "backfill" : "review") + "."
				+ ((event.decision() == ReviewDecision.APPROVE) ? "approved" : "rejected");
		List<String> args = new ArrayList<>();
		args.add(event.title());
		args.add((event.reason() != null) ? event.reason() : "");
		this.notifications.send(new NotificationRequest(event.submittedBy(), NotificationKind.ACTIVITY_REVIEWED, key,
				args, "/activities/" + event.activityId(), null));
	}

}
