package org.zhiyuan.signup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells volunteers what happened to their sign-ups, in the same transaction as the change
 * (so a rolled-back change tells nobody), and reminds them the day before an activity.
 */
@Configuration(proxyBeanMethods = false)
class SignupNotifications {

	/** Reminders go out this long before the start. */
	static final Duration REMINDER = Duration.ofHours(24);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Notifications notifications;

	private final Volunteers volunteers;

	private final Activities activities;

	private final JdbcClient jdbc;

	SignupNotifications(Notifications notifications, Volunteers volunteers, @Lazy Activities activities,
			JdbcClient jdbc) {
		this.notifications = notifications;
		this.volunteers = volunteers;
		this.activities = activities;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(SignupApproved event) {
		ActivityView activity = (event.activity() != null) ? event.activity()
				: this.activities.find(event.activityId()).orElseThrow();
		NotificationKind kind = event.promoted() ? NotificationKind.SIGNUP_PROMOTED : NotificationKind.SIGNUP_APPROVED;
		String key = event.promoted() ? "notice.signup.promoted" : "notice.signup.approved";
		List<String> args = List.of(activity.title(), when(activity));
		if (event.volunteerAccountId() != null) {
			sendTo(event.volunteerAccountId(), kind, key, activity, args, null);
		}
		else {
			send(event.volunteerId(), kind, key, activity, args, null);
		}
	}

	@EventListener
	void on(SignupCancelled event) {
		if (!event.byOrganizer()) {
			return;
		}
		ActivityView activity = this.activities.find(event.activityId()).orElseThrow();
		String reason = (event.reason() != null) ? event.reason() : "—";
		if (event.status() == SignupStatus.REJECTED) {
			send(event.volunteerId(), NotificationKind.SIGNUP_REJECTED, "notice.signup.rejected", activity,
					List.of(activity.title(), reason), null);
		}
		else if (activity.status() == org.zhiyuan.activity.ActivityStatus.CANCELLED) {
			send(event.volunteerId(), NotificationKind.ACTIVITY_CANCELLED, "notice.activity.cancelled", activity,
					List.of(activity.title(), reason), null);
		}
		else {
			send(event.volunteerId(), NotificationKind.SIGNUP_CANCELLED, "notice.signup.cancelled", activity,
					List.of(activity.title(), reason), null);
		}
	}

	@EventListener
	void on(org.zhiyuan.activity.ActivityChanged event) {
		if (!event.volunteersToTell()) {
			return;
		}
		ActivityView activity = this.activities.find(event.activityId()).orElseThrow();
		List<UUID> volunteers = this.jdbc.sql(
				"SELECT volunteer_id FROM signup WHERE activity_id = :a AND status IN ('PENDING', 'APPROVED', 'WAITLISTED')")
			.param("a", event.activityId())
			.query(UUID.class)
			.list();
		for (UUID volunteer : volunteers) {
			send(volunteer, NotificationKind.ACTIVITY_CHANGED, "notice.activity.changed", activity,
					List.of(activity.title(), when(activity), activity.address()), null);
		}
	}

	/** Reminds every accepted volunteer once, within a day of the start. */
	@Transactional
	int remind(OffsetDateTime now) {
		List<Object[]> due = this.jdbc
			.sql("SELECT s.id, s.volunteer_id, s.activity_id FROM signup s JOIN activity a ON a.id = s.activity_id"
					+ " WHERE s.status = 'APPROVED' AND a.status = 'RECRUITING' AND a.starts_at > :now"
					+ " AND a.starts_at <= :until")
			.param("now", now)
			.param("until", now.plus(REMINDER))
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
							rs.getObject(3, UUID.class) })
			.list();
		for (Object[] row : due) {
			ActivityView activity = this.activities.find((UUID) row[2]).orElseThrow();
			send((UUID) row[1], NotificationKind.ACTIVITY_REMINDER, "notice.activity.reminder", activity,
					List.of(activity.title(), when(activity), activity.address()), "reminder:" + row[0]);
		}
		return due.size();
	}

	@Bean
	RecurringTask<Void> remindSignedUpVolunteers(@Lazy SignupNotifications self) {
		return Tasks.recurring("remind-signed-up-volunteers", FixedDelay.of(Duration.ofMinutes(10)))
			.execute((instance, context) -> self.remind(OffsetDateTime.now(ZoneOffset.UTC)));
	}

	private void send(UUID volunteerId, NotificationKind kind, String key, ActivityView activity, List<String> args,
			String dedupeKey) {
		this.volunteers.find(volunteerId)
			.ifPresent((volunteer) -> sendTo(volunteer.accountId(), kind, key, activity, args, dedupeKey));
	}

	private void sendTo(UUID accountId, NotificationKind kind, String key, ActivityView activity, List<String> args,
			String dedupeKey) {
		this.notifications
			.send(new NotificationRequest(accountId, kind, key, args, "/activities/" + activity.id(), dedupeKey));
	}

	private static String when(ActivityView activity) {
		return TIME.format(activity.startsAt().atZoneSameInstant(CHINA));
	}

}
