package org.zhiyuan.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.zhiyuan.stats.StatsRepository.Member;
import org.zhiyuan.stats.StatsRepository.VolunteerState;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the fold keeps of each volunteer: the keys they count under
 * ({@code stat_volunteer}, {@code stat_volunteer_category}) and their rows of each
 * period, field and region ({@code stat_member}). A batch of the fold reads the rows of
 * the volunteers it touches in a few statements before it applies its outbox rows, and
 * writes what changed in a few batches after: on a Citus cluster these tables live on the
 * volunteers' shards, and a statement per row and period would cross to a worker each
 * time.
 */
@Repository
class FoldedVolunteers {

	/** Ids asked for in one statement. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	FoldedVolunteers(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Reads what the outbox rows need: the state of every volunteer they name, and the
	 * rows of every period a record's change falls in.
	 */
	Batch read(List<OutboxRow> rows) {
		Set<UUID> volunteers = new LinkedHashSet<>();
		Set<UUID> served = new LinkedHashSet<>();
		Set<String> periods = new LinkedHashSet<>();
		for (OutboxRow row : rows) {
			if (row.kind() == OutboxRow.Kind.VOLUNTEER) {
				volunteers.add(row.subjectId());
			}
			else if (row.kind() == OutboxRow.Kind.SERVICE && row.volunteerId() != null) {
				volunteers.add(row.volunteerId());
				served.add(row.volunteerId());
				periods.addAll(periodsOf(row.period()));
			}
		}
		Batch batch = new Batch();
		batch.periods.addAll(periods);
		for (List<UUID> chunk : chunks(volunteers)) {
			this.jdbc
				.sql("SELECT volunteer_id, region_code, gender, birth_year, registered FROM stat_volunteer WHERE"
						+ " volunteer_id IN (:ids)")
				.param("ids", chunk)
				.query((rs, n) -> new VolunteerState(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						rs.getString(4), new LinkedHashSet<>(), rs.getBoolean(5)))
				.list()
				.forEach((state) -> batch.volunteers.put(state.volunteerId(), state));
			this.jdbc
				.sql("SELECT volunteer_id, category FROM stat_volunteer_category WHERE volunteer_id IN (:ids) ORDER BY"
						+ " volunteer_id, category")
				.param("ids", chunk)
				.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
				.list()
				.forEach((category) -> {
					VolunteerState state = batch.volunteers.get(category.getKey());
					if (state != null) {
						state.categories().add(category.getValue());
					}
				});
		}
		if (!periods.isEmpty()) {
			for (List<UUID> chunk : chunks(served)) {
				this.jdbc
					.sql("SELECT volunteer_id, period, field, region_code, hours, records FROM stat_member WHERE"
							+ " volunteer_id IN (:ids) AND period IN (:periods)")
					.param("ids", chunk)
					.param("periods", periods)
					.query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
							rs.getString(4), rs.getBigDecimal(5), rs.getInt(6)))
					.list()
					.forEach(batch::put);
			}
		}
		for (UUID volunteer : served) {
			for (String period : periods) {
				batch.read.add(volunteer + "/" + period);
			}
		}
		return batch;
	}

	/**
	 * The volunteer's rows with records in one field ({@value Dim#ALL}: every field), in
	 * every period: read at once, for a volunteer whose keys change. Only records'
	 * changes change these rows, and a batch folds every change of a volunteer before any
	 * record's ({@link StatsRepository#nextOutbox}).
	 */
	List<Member> members(UUID volunteerId, String field) {
		return this.jdbc
			.sql("SELECT period, region_code, hours, records FROM stat_member WHERE volunteer_id = :id AND field ="
					+ " :field AND records > 0")
			.param("id", volunteerId)
			.param("field", field)
			.query((rs, n) -> new Member(volunteerId, rs.getString(1), field, rs.getString(2), rs.getBigDecimal(3),
					rs.getInt(4)))
			.list();
	}

	/** Writes what the batch changed: a few statements per table. */
	void write(Batch batch) {
		writeVolunteers(batch);
		writeMembers(batch);
	}

	private void writeVolunteers(Batch batch) {
		if (batch.changedVolunteers.isEmpty()) {
			return;
		}
		for (List<UUID> chunk : chunks(batch.changedVolunteers)) {
			this.jdbc.sql("DELETE FROM stat_volunteer WHERE volunteer_id IN (:ids)").param("ids", chunk).update();
			this.jdbc.sql("DELETE FROM stat_volunteer_category WHERE volunteer_id IN (:ids)")
				.param("ids", chunk)
				.update();
		}
		List<Object[]> states = new ArrayList<>();
		List<Object[]> categories = new ArrayList<>();
		for (UUID id : batch.changedVolunteers) {
			VolunteerState state = batch.volunteers.get(id);
			states.add(new Object[] { id, state.regionCode(), state.gender(), state.birthYear(), state.registered() });
			for (String category : state.categories()) {
				categories.add(new Object[] { id, category });
			}
		}
		ManyRows.insert(this.template, "stat_volunteer (volunteer_id, region_code, gender, birth_year, registered)",
				states);
		ManyRows.insert(this.template, "stat_volunteer_category (volunteer_id, category)", categories);
	}

	/**
	 * The rows of the volunteers whose rows changed, in the batch's periods, replaced:
	 * all that were read deleted, by the primary key's first two columns, and those with
	 * records written again as they are now.
	 */
	private void writeMembers(Batch batch) {
		Set<UUID> changed = new LinkedHashSet<>();
		batch.changedMembers.forEach((key) -> changed.add(key.volunteerId()));
		if (changed.isEmpty()) {
			return;
		}
		for (List<UUID> chunk : chunks(changed)) {
			this.jdbc.sql("DELETE FROM stat_member WHERE volunteer_id IN (:ids) AND period IN (:periods)")
				.param("ids", chunk)
				.param("periods", batch.periods)
				.update();
		}
		List<Object[]> written = new ArrayList<>();
		for (UUID volunteer : changed) {
			for (Member member : batch.members.getOrDefault(volunteer, Map.of()).values()) {
				if (member.records() > 0) {
					written.add(new Object[] { member.volunteerId(), member.period(), member.field(),
							member.regionCode(), member.hours(), member.records() });
				}
			}
		}
		ManyRows.insert(this.template, "stat_member (volunteer_id, period, field, region_code, hours, records)",
				written);
	}

	/** The periods a record of the month counts in: month, quarter, year, all time. */
	static List<String> periodsOf(String month) {
		return List.of(month, ReportPeriod.quarterOf(YearMonth.parse(month)), month.substring(0, 4), ReportPeriod.ALL);
	}

	private static List<List<UUID>> chunks(Collection<UUID> ids) {
		List<UUID> all = new ArrayList<>(ids);
		List<List<UUID>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += CHUNK) {
			chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
		}
		return chunks;
	}

	/** A volunteer's row of a period, field and region. */
	private record Key(UUID volunteerId, String period, String field, String regionCode) {

		static Key of(Member member) {
			return new Key(member.volunteerId(), member.period(), member.field(), member.regionCode());
		}

	}

	/**
	 * The rows one batch of the fold reads and changes, kept until it writes them: each
	 * read as it was before the batch, changed in the order of the outbox.
	 */
	static final class Batch {

		private final Map<UUID, VolunteerState> volunteers = new HashMap<>();

		private final Set<UUID> changedVolunteers = new LinkedHashSet<>();

		/** The rows read and changed, by volunteer. */
		private final Map<UUID, Map<Key, Member>> members = new HashMap<>();

		private final Set<Key> changedMembers = new LinkedHashSet<>();

		/** The periods whose rows of the batch's volunteers were read. */
		private final Set<String> periods = new LinkedHashSet<>();

		/** {@code volunteer/period} whose rows were read. */
		private final Set<String> read = new HashSet<>();

		Optional<VolunteerState> volunteer(UUID volunteerId) {
			return Optional.ofNullable(this.volunteers.get(volunteerId));
		}

		void saveVolunteer(VolunteerState state) {
			this.volunteers.put(state.volunteerId(), new VolunteerState(state.volunteerId(), state.regionCode(),
					state.gender(), state.birthYear(), new LinkedHashSet<>(state.categories()), state.registered()));
			this.changedVolunteers.add(state.volunteerId());
		}

		Optional<Member> member(UUID volunteerId, String period, String field, String regionCode) {
			requireRead(volunteerId, period);
			return Optional
				.ofNullable(this.members.getOrDefault(volunteerId, Map.of())
					.get(new Key(volunteerId, period, field, regionCode)))
				.filter((member) -> member.records() > 0);
		}

		void saveMember(Member member) {
			requireRead(member.volunteerId(), member.period());
			this.changedMembers.add(put(member));
		}

		private Key put(Member member) {
			Key key = Key.of(member);
			this.members.computeIfAbsent(member.volunteerId(), (id) -> new LinkedHashMap<>()).put(key, member);
			return key;
		}

		/**
		 * The other regions in which the volunteer has records in the period and field.
		 */
		List<String> otherRegions(UUID volunteerId, String period, String field, String regionCode) {
			requireRead(volunteerId, period);
			List<String> regions = new ArrayList<>();
			for (Member member : this.members.getOrDefault(volunteerId, Map.of()).values()) {
				if (member.period().equals(period) && member.field().equals(field)
						&& !member.regionCode().equals(regionCode) && member.records() > 0) {
					regions.add(member.regionCode());
				}
			}
			return regions;
		}

		private void requireRead(UUID volunteerId, String period) {
			if (!this.read.contains(volunteerId + "/" + period)) {
				throw new IllegalStateException("the batch did not read the volunteer's rows of " + period);
			}
		}

	}

}
