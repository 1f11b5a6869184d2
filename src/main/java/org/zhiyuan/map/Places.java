package org.zhiyuan.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.KnownPlace;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Service;

/**
 * The place search behind the map picker, for when a person would rather type than look
 * for the spot, and for when the map has no tiles to look at. It answers from what the
 * platform already knows: the places of earlier activities, the asking organization's
 * first, then its region's. Only when that finds fewer than asked, and a geocoder is
 * configured, does the server ask the geocoder, with the typed text and nothing else.
 */
@Service
public class Places {

	public static final int DEFAULT_LIMIT = 10;

	public static final int MAX_LIMIT = 20;

	private static final int MAX_TEXT = 50;

	private final Activities activities;

	private final Regions regions;

	private final Geocoder geocoder;

	Places(Activities activities, Regions regions, Geocoder geocoder) {
		this.activities = activities;
		this.regions = regions;
		this.geocoder = geocoder;
	}

	/**
	 * Places whose name contains the text (the most recent ones when it is blank).
	 * @param organizationId the organization whose form asks; its own places come first
	 * @param regionCode the region whose places come next
	 * @param limit at most this many, 1 to {@value #MAX_LIMIT}; {@value #DEFAULT_LIMIT}
	 * when {@code null}
	 * @throws ProblemException 400 for a text longer than 50 characters, an unknown
	 * region or a size out of range
	 */
	public List<Place> search(Actor actor, String text, UUID organizationId, String regionCode, Integer limit,
			Locale locale) {
		String q = (text != null) ? text.strip() : "";
		String region = (regionCode != null && !regionCode.isBlank()) ? regionCode.strip() : null;
		List<FieldProblem> problems = new ArrayList<>();
		if (q.length() > MAX_TEXT) {
			problems.add(new FieldProblem("q", "validation.text50"));
		}
		if (region != null && !this.regions.exists(region)) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			problems.add(new FieldProblem("size", "validation.placeLimit", MAX_LIMIT));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		int wanted = (limit != null) ? limit : DEFAULT_LIMIT;
		String prefix = (region != null && !Regions.NATIONAL.equals(region)) ? Regions.prefixOf(region) : null;
		List<Place> places = new ArrayList<>();
		for (KnownPlace known : this.activities.knownPlaces(actor, q, organizationId, region, wanted)) {
			PlaceSource source = known.ownOrganization() ? PlaceSource.ORGANIZATION
					: (prefix != null && known.regionCode().startsWith(prefix)) ? PlaceSource.REGION
							: PlaceSource.PLATFORM;
			String regionName = this.regions.fullName(known.regionCode());
			places.add(new Place(known.address(),
					regionName.isEmpty() ? known.address() : regionName + " " + known.address(), known.regionCode(),
					known.lat(), known.lng(), source));
		}
		if (places.size() < wanted && q.length() >= 2) {
			places.addAll(this.geocoder.search(q, locale, wanted - places.size()));
		}
		return places;
	}

}
