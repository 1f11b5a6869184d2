package org.zhiyuan.story;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.commendation.AwardView;
import org.zhiyuan.commendation.CommendationKind;
import org.zhiyuan.commendation.Commendations;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Service;

/**
 * Project showcases (项目展示): the public page of a project of an active organization, for
 * anyone.
 */
@Service
public class Showcases {

	private static final int ACTIVITIES = 50;

	private static final int STORIES = 12;

	private final Activities activities;

	private final Organizations organizations;

	private final Commendations commendations;

	private final Stories stories;

	Showcases(Activities activities, Organizations organizations, Commendations commendations, Stories stories) {
		this.activities = activities;
		this.organizations = organizations;
		this.commendations = commendations;
		this.stories = stories;
	}

	/**
	 * The showcase of a project whose organization is active.
	 * @throws ProblemException 404 {@code PROJECT_NOT_FOUND} otherwise
	 */
	public ProjectShowcase of(UUID projectId) {
		ProjectView project = this.activities.findProject(projectId).orElseThrow(Showcases::notFound);
		OrganizationView organization = this.organizations.find(project.organizationId())
			.filter(OrganizationView::isActive)
			.orElseThrow(Showcases::notFound);
		List<ActivityView> all = this.activities.publicOfProject(projectId, ACTIVITIES);
		List<ActivityView> upcoming = all.stream()
			.filter((a) -> a.status() == ActivityStatus.RECRUITING || a.status() == ActivityStatus.IN_PROGRESS)
			.sorted(java.util.Comparator.comparing(ActivityView::startsAt))
			.toList();
		List<ActivityView> past = all.stream()
			.filter((a) -> a.status() == ActivityStatus.FINISHED || a.status() == ActivityStatus.ARCHIVED)
			.toList();
		List<AwardView> awards = this.commendations.awardsOf(projectId)
			.stream()
			.filter((award) -> award.kind() == CommendationKind.PROJECT)
			.toList();
		return new ProjectShowcase(project, organization, upcoming, past, this.stories.ofProject(projectId, STORIES),
				awards);
	}

	private static ProblemException notFound() {
		return ProblemException.notFound("PROJECT_NOT_FOUND", "activity.projectNotFound");
	}

}
