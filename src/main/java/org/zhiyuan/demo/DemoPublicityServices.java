package org.zhiyuan.demo;

import org.zhiyuan.commendation.Commendations;
import org.zhiyuan.complaint.Complaints;
import org.zhiyuan.erasure.Erasures;
import org.zhiyuan.evaluation.Evaluations;
import org.zhiyuan.record.ServiceRecords;
import org.zhiyuan.story.Stories;
import org.zhiyuan.story.StoryReviews;
import org.zhiyuan.volunteer.HonourRollChoices;

import org.springframework.stereotype.Component;

/**
 * The services of supervision, commendation and publicity that the demo seeds through (a
 * holder, so that the demo's constructor stays readable).
 */
@Component
record DemoPublicityServices(Commendations commendations, HonourRollChoices honourRoll, Stories stories,
		StoryReviews storyReviews, Evaluations evaluations, ServiceRecords records, Complaints complaints,
		Erasures erasures) {

}
