package org.zhiyuan.station;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.activity.ActivityQuery;
import org.zhiyuan.activity.ActivityStatus;
import org.zhiyuan.activity.ActivityView;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of service stations (新时代文明实践中心、所、站 and 志愿服务站点). Operators of a region
 * enter, change, close and reopen the stations in it, each step audited; everyone reads
 * them and finds the open ones on the map. A station's page lists the upcoming activities
 * of the organization running it and those held at or near it.
 */
@Service
public class Stations {

	/** Activities within this distance of a station count as held at it. */
	static final double NEARBY_KM = 1.0;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final StationRepository stations;

	private final Regions regions;

	private final Organizations organizations;

	private final Activities activities;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	Stations(StationRepository stations, Regions regions, Organizations organizations, Activities activities,
			AccessPolicy accessPolicy, AuditLog auditLog) {
		this.stations = stations;
		this.regions = regions;
		this.organizations = organizations;
		this.activities = activities;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
	}

	/**
	 * An operator of the station's region enters it, open. A repeat with the same
	 * idempotency key returns the station entered first and changes nothing.
	 * @throws ProblemException 400 naming every bad field, 403 for anyone but an operator
	 * of the region
	 */
	@Transactional
	public StationView create(Actor actor, NewStation station, String idempotencyKey) {
		List<FieldProblem> problems = problemsOf(station);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			problems.add(new FieldProblem("Idempotency-Key", "validation.record.key"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.accessPolicy.requireOperatorOf(actor, station.regionCode());
		if (idempotencyKey != null) {
			Optional<UUID> earlier = this.stations.findByIdempotencyKey(actor.accountId(), idempotencyKey);
			if (earlier.isPresent()) {
				return require(earlier.get());
			}
		}
		UUID id = Ids.newId();
		try {
			this.stations.insert(id, station, actor.accountId(), now(), idempotencyKey);
		}
		catch (DuplicateKeyException ex) {
			return this.stations.findByIdempotencyKey(actor.accountId(), idempotencyKey)
				.map(this::require)
				.orElseThrow(() -> ex);
		}
		this.auditLog.record(AuditRecord.of("station.create", actor.accountId())
			.on("station", id)
			.inRegion(station.regionCode())
			.inOrganization(station.organizationId()));
		return require(id);
	}

	/**
	 * An operator of the station's region changes it; moving it to another region needs
	 * an operator of that one too.
	 * @throws ProblemException 400 naming every bad field, 403, 404
	 * {@code STATION_NOT_FOUND}
	 */
	@Transactional
	public StationView update(Actor actor, UUID id, NewStation station) {
		StationView current = require(id);
		List<FieldProblem> problems = problemsOf(station);
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.accessPolicy.requireOperatorOf(actor, current.regionCode());
		this.accessPolicy.requireOperatorOf(actor, station.regionCode());
		this.stations.update(id, station, now());
		this.auditLog.record(AuditRecord.of("station.update", actor.accountId())
			.on("station", id)
			.inRegion(station.regionCode())
			.inOrganization(station.organizationId())
			.withDetail(current.regionCode().equals(station.regionCode()) ? null : "from " + current.regionCode()));
		return require(id);
	}

	/**
	 * Closes an open station: it leaves the map and the list, its page says it is closed
	 * and why.
	 * @throws ProblemException 409 {@code INVALID_STATE} when it is closed already
	 */
	@Transactional
	public StationView close(Actor actor, UUID id, String reason) {
		StationView station = require(id);
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw ProblemException.invalid(List.of(new FieldProblem("reason", "validation.textRequired", 500)));
		}
		this.accessPolicy.requireOperatorOf(actor, station.regionCode());
		if (!this.stations.changeStatus(id, StationStatus.OPEN, StationStatus.CLOSED, reason.strip(), now())) {
			throw ProblemException.conflict("INVALID_STATE", "station.notOpen");
		}
		this.auditLog.record(AuditRecord.of("station.close", actor.accountId())
			.on("station", id)
			.inRegion(station.regionCode())
			.inOrganization(station.organizationId())
			.withDetail(reason.strip()));
		return require(id);
	}

	/**
	 * Reopens a closed station.
	 * @throws ProblemException 409 {@code INVALID_STATE} when it is open
	 */
	@Transactional
	public StationView reopen(Actor actor, UUID id) {
		StationView station = require(id);
		this.accessPolicy.requireOperatorOf(actor, station.regionCode());
		if (!this.stations.changeStatus(id, StationStatus.CLOSED, StationStatus.OPEN, null, now())) {
			throw ProblemException.conflict("INVALID_STATE", "station.notClosed");
		}
		this.auditLog.record(AuditRecord.of("station.reopen", actor.accountId())
			.on("station", id)
			.inRegion(station.regionCode())
			.inOrganization(station.organizationId()));
		return require(id);
	}

	/** A station, open or closed, for everyone. */
	public StationView view(UUID id) {
		return require(id);
	}

	public Optional<StationView> find(UUID id) {
		return this.stations.find(id);
	}

	/**
	 * The open stations that match, by region and name.
	 * @throws ProblemException 400 for a region that does not exist
	 */
	public PageResult<StationView> search(StationQuery query, PageQuery page) {
		checkRegion(query.regionCode());
		return this.stations.search(query, EnumSet.of(StationStatus.OPEN), page);
	}

	/**
	 * The stations of a region, closed ones too, for its operators and auditors.
	 * @throws ProblemException 403 for anyone else
	 */
	public PageResult<StationView> ofRegion(Actor actor, String regionCode, PageQuery page) {
		checkRegion(regionCode);
		if (!this.accessPolicy.oversees(actor, regionCode)) {
			throw ProblemException.forbidden("problem.forbidden.region");
		}
		return this.stations.search(new StationQuery(regionCode, null, null), EnumSet.allOf(StationStatus.class), page);
	}

	/** Whether the actor may change the station: an operator of its region. */
	public boolean mayManage(Actor actor, StationView station) {
		return this.accessPolicy.operates(actor, station.regionCode());
	}

	/** Whether the actor may enter stations somewhere: an operator of any region. */
	public boolean mayCreate(Actor actor) {
		return actor != null && !actor.scopesOf(org.zhiyuan.access.Role.OPERATOR).isEmpty();
	}

	/**
	 * The organizations that may run a station of the region: the active ones of the
	 * region and the regions above and below it, for the operator's form.
	 */
	public List<OrganizationView> organizationsFor(String regionCode) {
		String scope = (regionCode != null && this.regions.exists(regionCode)) ? regionCode : null;
		return this.organizations.search(scope, null, PageQuery.of(0, PageQuery.MAX_SIZE)).items();
	}

	/**
	 * The station's coming activities, soonest first: those of the organization running
	 * it, those within {@value #NEARBY_KM} km of it, and, when these are fewer than
	 * {@code limit}, others of its region.
	 */
	public List<ActivityView> upcomingActivities(StationView station, int limit) {
		LocalDate today = LocalDate.now(CHINA);
		OffsetDateTime now = now();
		Map<UUID, ActivityView> found = new LinkedHashMap<>();
		if (station.organizationId() != null) {
			try {
				this.activities.ofOrganization(null, station.organizationId(), PageQuery.of(0, PageQuery.MAX_SIZE))
					.items()
					.stream()
					.filter((a) -> a.status() == ActivityStatus.RECRUITING || a.status() == ActivityStatus.IN_PROGRESS)
					.forEach((a) -> found.put(a.id(), a));
			}
			catch (ProblemException ex) {
				// an organization no longer public shows no activities
			}
		}
		this.activities
			.search(new ActivityQuery(null, null, null, today, null, station.lat(), station.lng(), NEARBY_KM),
					PageQuery.of(0, limit))
			.items()
			.forEach((a) -> found.putIfAbsent(a.id(), a));
		if (found.size() < limit) {
			this.activities
				.search(new ActivityQuery(station.regionCode(), null, null, today, null, null, null, null),
						PageQuery.of(0, limit))
				.items()
				.forEach((a) -> found.putIfAbsent(a.id(), a));
		}
		List<ActivityView> upcoming = new ArrayList<>(found.values());
		upcoming.removeIf((a) -> a.endsAt().isBefore(now));
		upcoming.sort(Comparator.comparing((ActivityView a) -> a.startsAt()).thenComparing((a) -> a.title()));
		return upcoming.subList(0, Math.min(limit, upcoming.size()));
	}

	private void checkRegion(String regionCode) {
		if (regionCode != null && !this.regions.exists(regionCode)) {
			throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
		}
	}

	private StationView require(UUID id) {
		return this.stations.find(id)
			.orElseThrow(() -> ProblemException.notFound("STATION_NOT_FOUND", "station.notFound"));
	}

	private List<FieldProblem> problemsOf(NewStation s) {
		List<FieldProblem> problems = new ArrayList<>();
		text(problems, "name", s.name(), 100);
		if (s.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.required"));
		}
		if (s.regionCode() == null || !this.regions.exists(s.regionCode())) {
			problems.add(new FieldProblem("regionCode", "validation.regionCode"));
		}
		text(problems, "address", s.address(), 200);
		if (s.lat() == null || s.lng() == null || !Double.isFinite(s.lat()) || !Double.isFinite(s.lng())
				|| Math.abs(s.lat()) > 90 || Math.abs(s.lng()) > 180) {
			problems.add(new FieldProblem("location", "validation.station.location"));
		}
		text(problems, "openingHours", s.openingHours(), 200);
		if (s.organizationId() != null) {
			Optional<OrganizationView> organization = this.organizations.find(s.organizationId());
			if (organization.isEmpty() || !organization.get().isActive()) {
				problems.add(new FieldProblem("organizationId", "validation.station.organization"));
			}
		}
		if (s.checklist() == null) {
			problems.add(new FieldProblem("checklist", "validation.required"));
		}
		return problems;
	}

	private static void text(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			problems.add(new FieldProblem(field, "validation.textRequired", max));
		}
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
