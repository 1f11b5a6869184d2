package org.zhiyuan.commendation;

import java.util.List;

import org.zhiyuan.activity.ProjectView;
import org.zhiyuan.volunteer.StarVolunteer;

/**
 * The honour roll (光荣榜) of a region, with everything below it: the awards, the star
 * volunteers who agreed to be shown, and the brand projects (品牌项目).
 */
public record Honours(String regionCode, List<AwardView> awards, List<StarVolunteer> starVolunteers,
		List<ProjectView> brandProjects) {

}
