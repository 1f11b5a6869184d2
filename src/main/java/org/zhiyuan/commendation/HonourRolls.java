package org.zhiyuan.commendation;

import java.util.List;

import org.zhiyuan.activity.Activities;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.HonourRollChoices;

import org.springframework.stereotype.Service;

/**
 * The honour roll (光荣榜) of a region, for anyone: the awards made in it or to those of it,
 * the star volunteers who agreed to be shown (masked), and its brand projects.
 */
@Service
public class HonourRolls {

	static final int AWARDS = 200;

	static final int STARS = 100;

	static final int BRAND_PROJECTS = 50;

	private final CommendationRepository repository;

	private final Regions regions;

	private final HonourRollChoices stars;

	private final Activities activities;

	HonourRolls(CommendationRepository repository, Regions regions, HonourRollChoices stars, Activities activities) {
		this.repository = repository;
		this.regions = regions;
		this.stars = stars;
		this.activities = activities;
	}

	/**
	 * The roll of a region and the regions below it.
	 * @throws ProblemException 400 {@code regionCode} when missing or unknown
	 */
	public Honours of(String regionCode) {
		if (regionCode == null || !Regions.isWellFormed(regionCode) || !this.regions.exists(regionCode)) {
			throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
		}
		return new Honours(regionCode, this.repository.awardsWithin(Regions.prefixOf(regionCode), AWARDS),
				this.stars.shownWithin(regionCode, STARS),
				this.activities.projects(regionCode, null, null, true, PageQuery.of(0, BRAND_PROJECTS)).items());
	}

}
