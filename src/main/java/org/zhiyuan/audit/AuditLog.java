package org.zhiyuan.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.zhiyuan.access.PersonalDataAccessed;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and searches the audit log. A successful action's entry joins the caller's
 * transaction, so it exists exactly when the action does; a refusal or failure is written
 * in a transaction of its own, so that it survives the rollback that usually follows it.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final TransactionTemplate joining;

	private final TransactionTemplate separate;

	AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.joining = new TransactionTemplate(transactions);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public void record(AuditRecord record) {
		TransactionTemplate template = (record.outcome() == AuditOutcome.SUCCESS) ? this.joining : this.separate;
		String clientIp = currentClientIp();
		template.executeWithoutResult((status) -> insert(record, clientIp));
	}

	@EventListener
	void on(PersonalDataAccessed event) {
		record(new AuditRecord("personal-data." + event.access().name().toLowerCase(java.util.Locale.ROOT),
				event.allowed() ? AuditOutcome.SUCCESS : AuditOutcome.DENIED, event.actorId(), event.objectType(),
				event.objectId(), event.regionCode(), null, null)
			.about(event.ownerAccountId()));
	}

	/**
	 * Entries within the given regions (each with everything below it), newest first.
	 * {@code regionScopes} containing the national code means every entry.
	 */
	public PageResult<AuditEntry> search(AuditQuery query, Collection<String> regionScopes, PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (!regionScopes.contains(Regions.NATIONAL)) {
			List<String> clauses = new ArrayList<>();
			int i = 0;
			for (String scope : regionScopes) {
				clauses.add("region_code LIKE :scope" + i);
				params.put("scope" + i, Regions.prefixOf(scope) + "%");
				i++;
			}
			where.append(clauses.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", clauses) + ")");
		}
		if (query.action() != null) {
			where.append(" AND action = :action");
			params.put("action", query.action());
		}
		if (query.actorId() != null) {
			where.append(" AND actor_id = :actorId");
			params.put("actorId", query.actorId());
		}
		if (query.objectType() != null) {
			where.append(" AND object_type = :objectType");
			params.put("objectType", query.objectType());
		}
		if (query.objectId() != null) {
			where.append(" AND object_id = :objectId");
			params.put("objectId", query.objectId());
		}
		if (query.actionPrefixes() != null) {
			List<String> clauses = new ArrayList<>();
			int i = 0;
			for (String prefix : query.actionPrefixes()) {
				clauses.add("action LIKE :prefix" + i);
				params.put("prefix" + i, prefix + "%");
				i++;
			}
			where.append(clauses.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", clauses) + ")");
		}
		if (query.excludedActions() != null && !query.excludedActions().isEmpty()) {
			where.append(" AND action NOT IN (:excluded)");
			params.put("excluded", List.copyOf(query.excludedActions()));
		}
		if (query.actorIds() != null) {
			if (query.actorIds().isEmpty()) {
				where.append(" AND 1 = 0");
			}
			else {
				where.append(" AND actor_id IN (:actorIds)");
				params.put("actorIds", List.copyOf(query.actorIds()));
			}
		}
		if (query.from() != null) {
			where.append(" AND occurred_at >= :from");
			params.put("from", query.from());
		}
		if (query.to() != null) {
			where.append(" AND occurred_at < :to");
			params.put("to", query.to());
		}
		return page(where, params, page, true);
	}

	/**
	 * Who else read or acted on a person's data, allowed or refused, the newest first:
	 * the entries about them ({@code subject_account_id}), and the reads of lists that
	 * showed them at the time ({@code listings}: an activity's roster from when they
	 * signed up). Their own reads are left out.
	 * @param accountId the person's account
	 * @param listings the lists that showed them, from {@link PersonalDataListings}
	 * @param page which page
	 */
	public PageResult<AuditEntry> readsOfPersonalData(UUID accountId, List<PersonalDataListings.Listing> listings,
			PageQuery page) {
		StringBuilder where = new StringBuilder(
				" WHERE action LIKE 'personal-data.%' AND (actor_id IS NULL OR actor_id <> :account)"
						+ " AND (subject_account_id = :account");
		Map<String, Object> params = new HashMap<>();
		params.put("account", accountId);
		int i = 0;
		for (PersonalDataListings.Listing listing : listings) {
			where.append(" OR (object_type = :t")
				.append(i)
				.append(" AND object_id = :o")
				.append(i)
				.append(" AND occurred_at >= :s")
				.append(i)
				.append(')');
			params.put("t" + i, listing.objectType());
			params.put("o" + i, listing.objectId());
			params.put("s" + i, listing.since());
			i++;
		}
		where.append(')');
		return page(where, params, page, false);
	}

	/**
	 * One page of the entries matching {@code where}, the newest first, with the total.
	 * @param withCallerDetails whether to give the client IP and the detail (an auditor's
	 * search) or leave them out (a person's own view of who read their data)
	 */
	private PageResult<AuditEntry> page(CharSequence where, Map<String, Object> params, PageQuery page,
			boolean withCallerDetails) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_event" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<AuditEntry> items = this.jdbc
			.sql("SELECT id, occurred_at, actor_id, action, outcome, object_type, object_id, region_code,"
					+ " organization_id, client_ip, detail FROM audit_event" + where
					+ " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, row) -> new AuditEntry(rs.getObject("id", UUID.class),
					rs.getObject("occurred_at", OffsetDateTime.class), rs.getObject("actor_id", UUID.class),
					rs.getString("action"), AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("object_type"),
					rs.getString("object_id"), rs.getString("region_code"), rs.getObject("organization_id", UUID.class),
					withCallerDetails ? rs.getString("client_ip") : null,
					withCallerDetails ? rs.getString("detail") : null))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/**
	 * The person each of these entries is about, for the entries about one person's data.
	 */
	public Map<UUID, UUID> subjectsOf(Collection<UUID> entryIds) {
		Map<UUID, UUID> subjects = new HashMap<>();
		if (entryIds.isEmpty()) {
			return subjects;
		}
		this.jdbc
			.sql("SELECT id, subject_account_id FROM audit_event WHERE id IN (:ids) AND subject_account_id IS NOT NULL")
			.param("ids", List.copyOf(entryIds))
			.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class),
					rs.getObject("subject_account_id", UUID.class)))
			.list()
			.forEach((e) -> subjects.put(e.getKey(), e.getValue()));
		return subjects;
	}

	private void insert(AuditRecord record, String clientIp) {
		UUID id = Ids.newId();
		this.jdbc
			.sql("INSERT INTO audit_event (id, home_id, occurred_at, actor_id, action, outcome, object_type,"
					+ " object_id, region_code, organization_id, client_ip, detail, subject_account_id) VALUES (:id,"
					+ " :home, :at, :actor, :action, :outcome, :objectType, :objectId, :region, :org, :ip, :detail,"
					+ " :subject)")
			.param("id", id)
			.param("home", homeOf(record, id))
			.param("at", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
			.param("actor", record.actorId())
			.param("action", record.action())
			.param("outcome", record.outcome().name())
			.param("objectType", record.objectType())
			.param("objectId", record.objectId())
			.param("region", record.regionCode())
			.param("org", record.organizationId())
			.param("ip", clientIp)
			.param("detail", truncate(record.detail()))
			.param("subject", record.subjectAccountId())
			.update();
	}

	/**
	 * Where the entry is kept (its shard on a Citus cluster): the key it was given, else
	 * beside its actor's other entries and notifications, else spread by its own id.
	 */
	private static UUID homeOf(AuditRecord record, UUID id) {
		if (record.homeId() != null) {
			return record.homeId();
		}
		return (record.actorId() != null) ? record.actorId() : id;
	}

	private static String truncate(String detail) {
		return (detail != null && detail.length() > 500) ? detail.substring(0, 500) : detail;
	}

	private static String currentClientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
