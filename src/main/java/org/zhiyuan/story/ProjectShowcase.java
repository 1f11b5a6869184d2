package org.zhiyuan.story;

import java.util.List;

import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.commendation.AwardView;
import org.zhiyuan.organization.OrganizationView;

/**
 * A project's public page: the project with its organization, its brand mark, its
 * activities still to come (recruiting or in progress) and past ones, the published
 * stories that tell of it and its awards. Nothing personal.
 */
public record ProjectShowcase(ProjectView project, OrganizationView organization, List<ActivityView> upcoming,
		List<ActivityView> past, List<StoryCard> stories, List<AwardView> awards) {

}
