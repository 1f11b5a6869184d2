package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.zhiyuan.stats.StatsRepository.Member;
import org.zhiyuan.stats.StatsRepository.Placed;
import org.zhiyuan.stats.StatsRepository.VolunteerState;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the outbox into the rollups: in the order of the rows, a batch at a time, each
 * batch in one transaction that holds the fold's lock, applies its rows and deletes them,
 * so that every change is counted exactly once however many instances run the task. The
 * scheduler runs it every two seconds; tests call {@link #foldAll} instead of waiting.
 * <p>
 * Every fact counts at the nation and at each region on the path down to its own
 * ({@link Nodes}). Active volunteers are exact distinct counts: a volunteer's records of
 * a period are kept per region ({@code stat_member}), and a region counts the volunteer
 * once while any of their rows of the period lies within it, so that a volunteer who
 * served in two streets counts once in each street and once in their district. Each
 * record's hours and each activity also count for the activity's organization and project
 * ({@code stat_provider}), for the rankings.
 */
@Service
public class StatisticsFold {

	/** Outbox rows folded in one transaction. */
	static final int BATCH = 500;

	private final StatsRepository repository;

	private final FoldedVolunteers folded;

	private final Nodes nodes;

	private final TransactionTemplate transaction;

	StatisticsFold(StatsRepository repository, FoldedVolunteers folded, Nodes nodes,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.folded = folded;
		this.nodes = nodes;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Folds everything in the outbox now, batch after batch, and tells how many rows it
	 * folded; nothing until the rollups have first been built from the facts.
	 */
	public int foldAll() {
		int total = 0;
		int folded;
		do {
			folded = foldBatch();
			total += folded;
		}
		while (folded == BATCH);
		return total;
	}

	/**
	 * Folds the oldest rows of the outbox, at most {@value #BATCH}, in one transaction.
	 */
	int foldBatch() {
		if (this.repository.builtAt().isEmpty()) {
			// being built: the build holds the lock for as long as it takes, and counts
			// what this batch would have
			return 0;
		}
		Integer folded = this.transaction.execute((status) -> {
			if (this.repository.lockFold().isEmpty()) {
				return 0;
			}
			List<OutboxRow> rows = this.repository.nextOutbox(BATCH);
			if (rows.isEmpty()) {
				return 0;
			}
			Deltas deltas = new Deltas();
			FoldedVolunteers.Batch batch = this.folded.read(rows);
			for (OutboxRow row : rows) {
				apply(row, batch, deltas);
			}
			this.folded.write(batch);
			this.repository.flush(deltas);
			this.repository.deleteOutbox(rows);
			return rows.size();
		});
		return (folded != null) ? folded : 0;
	}

	void apply(OutboxRow row, FoldedVolunteers.Batch batch, Deltas deltas) {
		switch (row.kind()) {
			case VOLUNTEER -> volunteer(row, batch, deltas);
			case SERVICE -> service(row, batch, deltas);
			case ACTIVITY -> activity(row, deltas);
			case ORGANIZATION -> organization(row, deltas);
		}
	}

	/**
	 * A volunteer as they count now: their registration moves from where and how they
	 * counted to where and how they count; when their gender, birth year or categories
	 * changed, their past service moves to the new keys too (it stays in the regions
	 * where it was done).
	 */
	private void volunteer(OutboxRow row, FoldedVolunteers.Batch batch, Deltas deltas) {
		VolunteerState now = new VolunteerState(row.subjectId(), row.regionCode(), row.gender(), row.birthYear(),
				split(row.attributes()), row.counted());
		VolunteerState before = batch.volunteer(row.subjectId())
			.orElseGet(() -> new VolunteerState(row.subjectId(), row.regionCode(), Dim.UNKNOWN, Dim.UNKNOWN, Set.of(),
					false));
		if (before.registered()) {
			registered(before, -1, deltas);
		}
		if (now.registered()) {
			registered(now, 1, deltas);
		}
		if (!before.gender().equals(now.gender()) || !before.birthYear().equals(now.birthYear())
				|| !before.categories().equals(now.categories())) {
			rekey(before, now, deltas);
		}
		batch.saveVolunteer(now);
	}

	private void registered(VolunteerState volunteer, int sign, Deltas deltas) {
		List<String> at = this.nodes.of(volunteer.regionCode());
		deltas.count(Figure.REGISTERED, at, Dim.TOTAL, Dim.ALL, "", sign);
		deltas.count(Figure.REGISTERED, at, Dim.GENDER, volunteer.gender(), "", sign);
		deltas.count(Figure.REGISTERED, at, Dim.BIRTH_YEAR, volunteer.birthYear(), "", sign);
		deltas.count(Figure.REGISTERED, at, Dim.GENDER_YEAR, Dim.genderYear(volunteer.gender(), volunteer.birthYear()),
				"", sign);
		for (String category : volunteer.categories()) {
			deltas.count(Figure.REGISTERED, at, Dim.CATEGORY, category, "", sign);
		}
	}

	/** Moves the volunteer's past service from the keys they counted under to the new. */
	private void rekey(VolunteerState before, VolunteerState now, Deltas deltas) {
		Map<String, Set<String>> coveredByPeriod = new LinkedHashMap<>();
		for (Member member : this.folded.members(before.volunteerId(), Dim.ALL)) {
			List<String> at = this.nodes.of(member.regionCode());
			coveredByPeriod.computeIfAbsent(member.period(), (p) -> new LinkedHashSet<>()).addAll(at);
			if (member.period().length() == 7) {
				serviceKeys(at, before, member.period(), member.hours().negate(), -member.records(), deltas);
				serviceKeys(at, now, member.period(), member.hours(), member.records(), deltas);
			}
		}
		coveredByPeriod.forEach((period, covered) -> {
			activeKeys(covered, before, period, -1, deltas);
			activeKeys(covered, now, period, 1, deltas);
		});
	}

	/** Hours and records under the volunteer's gender, birth year and categories. */
	private static void serviceKeys(Collection<String> at, VolunteerState volunteer, String period, BigDecimal hours,
			long records, Deltas deltas) {
		deltas.service(at, Dim.GENDER, volunteer.gender(), period, hours, records);
		deltas.service(at, Dim.BIRTH_YEAR, volunteer.birthYear(), period, hours, records);
		for (String category : volunteer.categories()) {
			deltas.service(at, Dim.CATEGORY, category, period, hours, records);
		}
	}

	/** One active volunteer under their gender, birth year and categories. */
	private static void activeKeys(Collection<String> at, VolunteerState volunteer, String period, long sign,
			Deltas deltas) {
		deltas.count(Figure.ACTIVE, at, Dim.GENDER, volunteer.gender(), period, sign);
		deltas.count(Figure.ACTIVE, at, Dim.BIRTH_YEAR, volunteer.birthYear(), period, sign);
		for (String category : volunteer.categories()) {
			deltas.count(Figure.ACTIVE, at, Dim.CATEGORY, category, period, sign);
		}
	}

	/**
	 * One record's change of counted hours: hours and records of its month under every
	 * key, and the volunteer's rows of its month, quarter, year and all time, over all
	 * fields and in its field, with the active volunteers they make.
	 */
	private void service(OutboxRow row, FoldedVolunteers.Batch batch, Deltas deltas) {
		long records = ((row.hoursAfter() != null) ? 1 : 0) - ((row.hoursBefore() != null) ? 1 : 0);
		BigDecimal hours = orZero(row.hoursAfter()).subtract(orZero(row.hoursBefore()));
		if (records == 0 && hours.signum() == 0) {
			return;
		}
		VolunteerState volunteer = batch.volunteer(row.volunteerId())
			.orElseGet(() -> new VolunteerState(row.volunteerId(), row.regionCode(), Dim.UNKNOWN, Dim.UNKNOWN, Set.of(),
					false));
		List<String> at = this.nodes.of(row.regionCode());
		String month = row.period();
		deltas.service(at, Dim.TOTAL, Dim.ALL, month, hours, records);
		deltas.service(at, Dim.FIELD, row.field(), month, hours, records);
		deltas.provider(Provider.ORGANIZATION, row.organizationId(), month, hours, records, 0);
		deltas.provider(Provider.PROJECT, row.projectId(), month, hours, records, 0);
		serviceKeys(at, volunteer, month, hours, records, deltas);
		for (String period : FoldedVolunteers.periodsOf(month)) {
			for (String field : List.of(Dim.ALL, row.field())) {
				member(batch, volunteer, period, field, row.regionCode(), hours, records, deltas);
			}
		}
	}

	/**
	 * Changes the volunteer's row of a period, field and region; when it gains its first
	 * record or loses its last, the regions no other row of theirs covers gain or lose an
	 * active volunteer.
	 */
	private void member(FoldedVolunteers.Batch batch, VolunteerState volunteer, String period, String field,
			String regionCode, BigDecimal hours, long records, Deltas deltas) {
		Optional<Member> found = batch.member(volunteer.volunteerId(), period, field, regionCode);
		int before = found.map(Member::records).orElse(0);
		int after = before + (int) records;
		batch.saveMember(new Member(volunteer.volunteerId(), period, field, regionCode,
				found.map(Member::hours).orElse(BigDecimal.ZERO).add(hours), Math.max(after, 0)));
		boolean was = before > 0;
		boolean is = after > 0;
		if (was == is) {
			return;
		}
		Set<String> changed = new LinkedHashSet<>(this.nodes.of(regionCode));
		changed.removeAll(this.nodes.ofAll(batch.otherRegions(volunteer.volunteerId(), period, field, regionCode)));
		long sign = is ? 1 : -1;
		if (Dim.ALL.equals(field)) {
			deltas.count(Figure.ACTIVE, changed, Dim.TOTAL, Dim.ALL, period, sign);
			activeKeys(changed, volunteer, period, sign, deltas);
		}
		else {
			deltas.count(Figure.ACTIVE, changed, Dim.FIELD, field, period, sign);
		}
	}

	/** An activity as it counts now: one in its month and field, or none. */
	private void activity(OutboxRow row, Deltas deltas) {
		Optional<Placed> before = this.repository.activity(row.subjectId());
		Placed now = row.counted() ? new Placed(row.regionCode(), row.period(), row.field()) : null;
		if (before.isPresent() && before.get().equals(now)) {
			return;
		}
		before.ifPresent((placed) -> activityCount(placed, row, -1, deltas));
		if (now != null) {
			activityCount(now, row, 1, deltas);
		}
		this.repository.saveActivity(row.subjectId(), now);
	}

	/**
	 * One activity more or less where it counts, and for its organization and project
	 * (which the row names, as they never change).
	 */
	private void activityCount(Placed activity, OutboxRow row, long sign, Deltas deltas) {
		List<String> at = this.nodes.of(activity.regionCode());
		deltas.count(Figure.ACTIVITIES, at, Dim.TOTAL, Dim.ALL, activity.period(), sign);
		deltas.count(Figure.ACTIVITIES, at, Dim.FIELD, activity.field(), activity.period(), sign);
		deltas.provider(Provider.ORGANIZATION, row.organizationId(), activity.period(), BigDecimal.ZERO, 0, sign);
		deltas.provider(Provider.PROJECT, row.projectId(), activity.period(), BigDecimal.ZERO, 0, sign);
	}

	/** An organization as it counts now: one, with its fields, while active. */
	private void organization(OutboxRow row, Deltas deltas) {
		Optional<Placed> before = this.repository.organization(row.subjectId());
		Placed now = row.counted() ? new Placed(row.regionCode(), "", orEmpty(row.attributes())) : null;
		if (before.isPresent() && before.get().equals(now)) {
			return;
		}
		before.ifPresent((placed) -> organizationCount(placed, -1, deltas));
		if (now != null) {
			organizationCount(now, 1, deltas);
		}
		this.repository.saveOrganization(row.subjectId(), now);
	}

	private void organizationCount(Placed organization, long sign, Deltas deltas) {
		List<String> at = this.nodes.of(organization.regionCode());
		deltas.count(Figure.ORGANIZATIONS, at, Dim.TOTAL, Dim.ALL, "", sign);
		for (String field : split(organization.field())) {
			deltas.count(Figure.ORGANIZATIONS, at, Dim.FIELD, field, "", sign);
		}
	}

	static Set<String> split(String names) {
		if (names == null || names.isBlank()) {
			return Set.of();
		}
		return new LinkedHashSet<>(new ArrayList<>(Arrays.asList(names.split(","))));
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	private static BigDecimal orZero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
