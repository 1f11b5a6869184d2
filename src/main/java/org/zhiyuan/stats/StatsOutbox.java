package org.zhiyuan.stats;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityCancelled;
import org.zhiyuan.activity.ActivityChanged;
import org.zhiyuan.activity.ActivityPublished;
import org.zhiyuan.activity.ActivityReviewed;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.PastActivityRecorded;
import org.zhiyuan.organization.OrganizationStatus;
import org.zhiyuan.organization.OrganizationStatusChanged;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.record.CountedHoursChanged;
import org.zhiyuan.stats.OutboxRow.Kind;
import org.zhiyuan.volunteer.VolunteerCategory;
import org.zhiyuan.volunteer.VolunteerDeregistered;
import org.zhiyuan.volunteer.VolunteerProfileChanged;
import org.zhiyuan.volunteer.VolunteerRegistered;
import org.zhiyuan.volunteer.VolunteerStatus;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.volunteer.Volunteers;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox: each event of a module that owns counted facts becomes a row in the
 * transaction that changed the fact, so that the row exists exactly when the change does.
 * A volunteer, activity or organization is written as it counts now, read after the
 * change and under its lock (every change of one subject locks its row first), so that
 * rows of one subject are in the order of their changes.
 */
@Component
class StatsOutbox {

	/** The statuses of published activities; a cancelled one is archived as cancelled. */
	static final Set<ActivityStatus> PUBLISHED = EnumSet.of(ActivityStatus.RECRUITING, ActivityStatus.IN_PROGRESS,
			ActivityStatus.FINISHED, ActivityStatus.ARCHIVED);

	private final StatsRepository repository;

	private final Volunteers volunteers;

	private final Activities activities;

	private final Organizations organizations;

	StatsOutbox(StatsRepository repository, Volunteers volunteers, Activities activities, Organizations organizations) {
		this.repository = repository;
		this.volunteers = volunteers;
		this.activities = activities;
		this.organizations = organizations;
	}

	@EventListener
	void on(VolunteerRegistered event) {
		volunteer(event.volunteerId(), Set.of());
	}

	/**
	 * A deregistered volunteer's categories are erased with the rest of their profile.
	 */
	@EventListener
	void on(VolunteerDeregistered event) {
		volunteer(event.volunteerId(), Set.of());
	}

	@EventListener
	void on(VolunteerProfileChanged event) {
		volunteer(event.volunteerId(), event.categories());
	}

	@EventListener
	void on(CountedHoursChanged event) {
		ActivityView activity = event.activityOr(this.activities::find).orElse(null);
		this.repository.insertOutbox(new OutboxRow(0, Kind.SERVICE, event.recordId(), event.volunteerId(),
				event.volunteerRegionCode(), null, null, null,
				(activity != null) ? activity.field().name() : Dim.UNKNOWN, month(event.startedAt()), true,
				event.hoursBefore(), event.hoursAfter(), (activity != null) ? activity.organizationId() : null,
				(activity != null) ? activity.projectId() : null), now());
	}

	@EventListener
	void on(ActivityPublished event) {
		activity(event.activityId());
	}

	@EventListener
	void on(ActivityReviewed event) {
		activity(event.activityId());
	}

	@EventListener
	void on(ActivityChanged event) {
		activity(event.activityId());
	}

	@EventListener
	void on(ActivityCancelled event) {
		activity(event.activityId());
	}

	@EventListener
	void on(PastActivityRecorded event) {
		activity(event.activityId());
	}

	@EventListener
	void on(OrganizationStatusChanged event) {
		OrganizationView organization = this.organizations.find(event.organizationId()).orElse(null);
		if (organization == null) {
			return;
		}
		this.repository.insertOutbox(new OutboxRow(0, Kind.ORGANIZATION, organization.id(), null,
				organization.regionCode(), null, null, joined(organization.fields().stream().map(Enum::name).toList()),
				null, null, organization.status() == OrganizationStatus.ACTIVE, null, null), now());
	}

	private void volunteer(UUID volunteerId, Set<VolunteerCategory> categories) {
		VolunteerView volunteer = this.volunteers.find(volunteerId).orElse(null);
		if (volunteer == null) {
			return;
		}
		boolean registered = volunteer.status() == VolunteerStatus.ACTIVE;
		this.repository.insertOutbox(new OutboxRow(0, Kind.VOLUNTEER, volunteer.id(), volunteer.id(),
				volunteer.regionCode(), (volunteer.gender() != null) ? volunteer.gender().name() : Dim.UNKNOWN,
				(volunteer.birthDate() != null) ? String.valueOf(volunteer.birthDate().getYear()) : Dim.UNKNOWN,
				registered ? joined(categories.stream().map(Enum::name).sorted().toList()) : "", null, null, registered,
				null, null), now());
	}

	private void activity(UUID activityId) {
		ActivityView activity = this.activities.find(activityId).orElse(null);
		if (activity == null) {
			return;
		}
		boolean counted = PUBLISHED.contains(activity.status()) && activity.cancelReason() == null;
		this.repository.insertOutbox(new OutboxRow(0, Kind.ACTIVITY, activity.id(), null, activity.regionCode(), null,
				null, null, activity.field().name(), month(activity.startsAt()), counted, null, null,
				activity.organizationId(), activity.projectId()), now());
	}

	/** The month of an instant in China, as the rollups name it. */
	static String month(OffsetDateTime at) {
		return YearMonth.from(at.atZoneSameInstant(ReportPeriod.CHINA)).toString();
	}

	static String joined(Collection<String> names) {
		return String.join(",", names);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
