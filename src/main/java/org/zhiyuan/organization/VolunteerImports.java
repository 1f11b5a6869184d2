package org.zhiyuan.organization;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhiyuan.access.Actor;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditOutcome;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.shared.DeadlockRetry;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.XlsxReader.SheetRow;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.volunteer.NewVolunteer;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of volunteers into an organization. The upload is kept in the database and
 * processed in the background by the cluster-safe scheduler, with progress that the page
 * polls. Every row is checked exactly as a registration is, and written in a transaction
 * of its own: a failing row leaves nothing behind, and its problems are reported. A
 * person already registered (same ID document) is never created twice: when the row gives
 * their registered name they are invited to join, and become a member only on accepting;
 * under another name the row is refused without saying that the number is registered.
 * Importing the same file again changes nothing.
 * <p>
 * The admin confirms on upload that each new person consented in writing to the privacy
 * policy and to joining, and took the volunteer oath; that confirmation is audited, and
 * the people the import registers join the organization at once.
 */
@Service
public class VolunteerImports {

	static final String TASK = "volunteer-import";

	private static final Logger log = LoggerFactory.getLogger(VolunteerImports.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
			DateTimeFormatter.ofPattern("M/d/yy"), DateTimeFormatter.ofPattern("yyyyMMdd"));

	private static final Map<String, IdType> ID_TYPE_LABELS = Map.of("居民身份证", IdType.RESIDENT_ID, "身份证",
			IdType.RESIDENT_ID, "港澳台居民居住证", IdType.HMT_RESIDENCE_PERMIT, "港澳居民来往内地通行证", IdType.HK_MACAO_PERMIT,
			"台湾居民来往大陆通行证", IdType.TAIWAN_PERMIT, "外国人永久居留身份证", IdType.FOREIGN_PERMANENT_RESIDENCE_ID, "护照",
			IdType.PASSPORT);

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final OrganizationRepository repository;

	private final VolunteerRegistration registration;

	private final AccountManagement accounts;

	private final AuditLog auditLog;

	private final SchedulerClient scheduler;

	private final TransactionTemplate transaction;

	VolunteerImports(JdbcClient jdbc, Organizations organizations, OrganizationRepository repository,
			VolunteerRegistration registration, AccountManagement accounts, AuditLog auditLog,
			@Lazy SchedulerClient scheduler, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.repository = repository;
		this.registration = registration;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.scheduler = scheduler;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Queues an upload for processing. Only admins of an active organization (or
	 * operators of its region) may import, and only after confirming consent.
	 */
	public ImportProgress start(Actor actor, UUID organizationId, String fileName, byte[] bytes,
			boolean consentConfirmed) {
		OrganizationView organization = this.organizations.requireActive(actor, organizationId);
		requireManager(actor, organization);
		List<FieldProblem> problems = new ArrayList<>();
		if (!consentConfirmed) {
			problems.add(new FieldProblem("consentConfirmed", "validation.import.consent"));
		}
		if (bytes == null || bytes.length == 0) {
			problems.add(new FieldProblem("file", "validation.import.file"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		UUID id = Ids.newId();
		String name = (fileName != null && !fileName.isBlank())
				? fileName.strip().substring(0, Math.min(fileName.strip().length(), 200)) : "import.xlsx";
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc
				.sql("INSERT INTO volunteer_import (id, organization_id, requested_by, file_name, file_bytes, status,"
						+ " created_at) VALUES (:id, :org, :by, :name, :bytes, 'QUEUED', :now)")
				.param("id", id)
				.param("org", organizationId)
				.param("by", actor.accountId())
				.param("name", name)
				.param("bytes", bytes)
				.param("now", now())
				.update();
			this.auditLog.record(AuditRecord.of("organization.import.start", actor.accountId())
				.on("volunteer-import", id)
				.inRegion(organization.regionCode())
				.inOrganization(organizationId)
				.withDetail("consent to privacy policy and oath confirmed by the admin"));
		});
		this.scheduler.schedule(new TaskInstance<>(TASK, id.toString()), java.time.Instant.now());
		return progress(actor, organizationId, id);
	}

	/** The template admins fill in. */
	public static void writeTemplate(java.io.OutputStream out) {
		ImportSheet.writeTemplate(out);
	}

	/** Runs an import; called by the scheduler on exactly one instance. */
	void process(UUID importId) {
		Optional<Object[]> claimed = this.jdbc
			.sql("SELECT organization_id, requested_by, file_bytes FROM volunteer_import WHERE id = :id"
					+ " AND status IN ('QUEUED', 'RUNNING')")
			.param("id", importId)
			.query((rs,
					row) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3) })
			.optional();
		if (claimed.isEmpty()) {
			return;
		}
		UUID organizationId = (UUID) claimed.get()[0];
		UUID requestedBy = (UUID) claimed.get()[1];
		byte[] bytes = (byte[]) claimed.get()[2];
		Optional<Actor> actor = this.accounts.currentActor(requestedBy);
		List<SheetRow> rows;
		try {
			rows = ImportSheet.read(bytes);
		}
		catch (IllegalArgumentException ex) {
			fail(importId, ex.getMessage());
			return;
		}
		if (actor.isEmpty()) {
			fail(importId, "the requesting account is closed");
			return;
		}
		this.jdbc.sql("UPDATE volunteer_import SET status = 'RUNNING', total_rows = :total WHERE id = :id")
			.param("id", importId)
			.param("total", rows.size())
			.update();
		for (SheetRow row : rows) {
			if (alreadyDone(importId, row.number())) {
				continue;
			}
			ImportRowResult result = importRow(actor.get(), organizationId, row);
			record(importId, result);
		}
		this.jdbc
			.sql("UPDATE volunteer_import SET status = 'DONE', finished_at = :now, file_bytes = NULL"
					+ " WHERE id = :id")
			.param("id", importId)
			.param("now", now())
			.update();
		log.info("Volunteer import {} finished: {} rows", importId, rows.size());
	}

	public ImportProgress progress(Actor actor, UUID organizationId, UUID importId) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		requireManager(actor, organization);
		return this.jdbc
			.sql("SELECT id, organization_id, file_name, status, total_rows, processed_rows, created_count,"
					+ " linked_count, failed_count, failure, created_at, finished_at FROM volunteer_import"
					+ " WHERE id = :id AND organization_id = :org")
			.param("id", importId)
			.param("org", organizationId)
			.query((rs, n) -> new ImportProgress(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), ImportStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7),
					rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class),
					rs.getObject(12, OffsetDateTime.class)))
			.optional()
			.orElseThrow(() -> ProblemException.notFound("IMPORT_NOT_FOUND", "organization.importNotFound"));
	}

	/** The per-row report, failed rows first when {@code onlyFailed}. */
	public PageResult<ImportRowResult> rows(Actor actor, UUID organizationId, UUID importId, boolean onlyFailed,
			PageQuery page) {
		progress(actor, organizationId, importId);
		String filter = onlyFailed ? " AND outcome = 'FAILED'" : "";
		long total = this.jdbc.sql("SELECT COUNT(*) FROM volunteer_import_row WHERE import_id = :id" + filter)
			.param("id", importId)
			.query(Long.class)
			.single();
		List<ImportRowResult> items = this.jdbc
			.sql("SELECT row_number, outcome, volunteer_id, problems FROM volunteer_import_row WHERE import_id = :id"
					+ filter + " ORDER BY row_number LIMIT :limit OFFSET :offset")
			.param("id", importId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new ImportRowResult(rs.getInt(1), ImportOutcome.valueOf(rs.getString(2)),
					rs.getObject(3, UUID.class), readProblems(rs.getString(4))))
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Recent imports of an organization, newest first. */
	public List<ImportProgress> recent(Actor actor, UUID organizationId) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		requireManager(actor, organization);
		return this.jdbc
			.sql("SELECT id FROM volunteer_import WHERE organization_id = :org ORDER BY created_at DESC LIMIT 10")
			.param("org", organizationId)
			.query(UUID.class)
			.list()
			.stream()
			.map((id) -> progress(actor, organizationId, id))
			.toList();
	}

	private ImportRowResult importRow(Actor actor, UUID organizationId, SheetRow row) {
		List<FieldProblem> problems = new ArrayList<>();
		NewVolunteer volunteer = toNewVolunteer(row, problems);
		if (!problems.isEmpty()) {
			return new ImportRowResult(row.number(), ImportOutcome.FAILED, null, problems);
		}
		try {
			// imports running side by side write the same directory tables: a row that
			// lost a deadlock is tried again
			return DeadlockRetry.run(() -> this.transaction.execute((status) -> {
				Optional<VolunteerView> existing = this.registration.findRegistered(volunteer.idType(),
						volunteer.idNumber());
				if (existing.isPresent()) {
					if (!sameName(existing.get().name(), volunteer.name())) {
						return notMatched(row);
					}
					MemberStatus standing = this.repository.member(organizationId, existing.get().id())
						.map(OrganizationRepository.MemberRow::status)
						.orElse(null);
					if (standing == null || standing == MemberStatus.LEFT || standing == MemberStatus.REJECTED
							|| standing == MemberStatus.PENDING) {
						this.organizations.addMember(actor, organizationId, existing.get().id(), MemberRole.MEMBER);
					}
					return new ImportRowResult(row.number(), ImportOutcome.LINKED, existing.get().id(), List.of());
				}
				VolunteerView created = this.registration.register(volunteer);
				this.organizations.addRegistered(actor, organizationId, created.id(), MemberRole.MEMBER);
				return new ImportRowResult(row.number(), ImportOutcome.CREATED, created.id(), List.of());
			}));
		}
		catch (ProblemException ex) {
			List<FieldProblem> reported = ex.fieldProblems().isEmpty()
					? List.of(new FieldProblem("row", ex.messageKey(), ex.args())) : ex.fieldProblems();
			return new ImportRowResult(row.number(), ImportOutcome.FAILED, null, reported);
		}
	}

	private NewVolunteer toNewVolunteer(SheetRow row, List<FieldProblem> problems) {
		String typeText = row.cell(1);
		IdType type = ID_TYPE_LABELS.get(typeText);
		if (type == null) {
			type = Enums.parse(IdType.class, typeText, "idType", problems);
		}
		Gender gender = switch (row.cell(4)) {
			case "男" -> Gender.MALE;
			case "女" -> Gender.FEMALE;
			default -> Enums.parse(Gender.class, row.cell(4), "gender", problems);
		};
		LocalDate birthDate = null;
		if (!row.cell(3).isEmpty()) {
			birthDate = parseDate(row.cell(3));
			if (birthDate == null) {
				problems.add(new FieldProblem("birthDate", "validation.birthDate"));
			}
		}
		String password = row.cell(11).isEmpty() ? randomPassword() : row.cell(11);
		boolean guardianGiven = !row.cell(8).isEmpty() || !row.cell(9).isEmpty() || !row.cell(10).isEmpty();
		NewVolunteer volunteer = new NewVolunteer(row.cell(0), type, row.cell(2), birthDate, gender, row.cell(5),
				password, row.cell(6), splitSkills(row.cell(7)), this.registration.terms().privacyPolicyVersion(), true,
				guardianGiven ? new NewVolunteer.Guardian(row.cell(8), row.cell(9), row.cell(10)) : null);
		// every row is checked alike, registered or not, so that the answer does not tell
		// which ID numbers are registered
		if (problems.isEmpty()) {
			problems.addAll(this.registration.problemsOf(volunteer));
		}
		return volunteer;
	}

	/**
	 * A row naming a registered ID number under another name: refused with the same words
	 * whatever the reason, never saying that the number is registered or to whom.
	 */
	private static ImportRowResult notMatched(SheetRow row) {
		return new ImportRowResult(row.number(), ImportOutcome.FAILED, null,
				List.of(new FieldProblem("row", "organization.import.notMatched")));
	}

	/** Names compare without regard to spacing or, for Latin letters, case. */
	static boolean sameName(String registered, String given) {
		if (registered == null || given == null) {
			return false;
		}
		return normalizedName(registered).equals(normalizedName(given));
	}

	private static String normalizedName(String name) {
		return name.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

	private void record(UUID importId, ImportRowResult result) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc
				.sql("INSERT INTO volunteer_import_row (import_id, row_number, outcome, volunteer_id, problems)"
						+ " VALUES (:id, :row, :outcome, :volunteer, :problems)")
				.param("id", importId)
				.param("row", result.rowNumber())
				.param("outcome", result.outcome().name())
				.param("volunteer", result.volunteerId())
				.param("problems", result.problems().isEmpty() ? null : writeProblems(result.problems()))
				.update();
			String counter = switch (result.outcome()) {
				case CREATED -> "created_count";
				case LINKED -> "linked_count";
				case FAILED -> "failed_count";
			};
			this.jdbc
				.sql("UPDATE volunteer_import SET processed_rows = processed_rows + 1, " + counter + " = " + counter
						+ " + 1 WHERE id = :id")
				.param("id", importId)
				.update();
		});
	}

	private boolean alreadyDone(UUID importId, int rowNumber) {
		return this.jdbc.sql("SELECT COUNT(*) FROM volunteer_import_row WHERE import_id = :id AND row_number = :row")
			.param("id", importId)
			.param("row", rowNumber)
			.query(Integer.class)
			.single() > 0;
	}

	private void fail(UUID importId, String reason) {
		this.jdbc
			.sql("UPDATE volunteer_import SET status = 'FAILED', failure = :reason, finished_at = :now,"
					+ " file_bytes = NULL WHERE id = :id")
			.param("id", importId)
			.param("reason", reason)
			.param("now", now())
			.update();
		this.auditLog.record(AuditRecord.of("organization.import.fail", null)
			.on("volunteer-import", importId)
			.withOutcome(AuditOutcome.FAILURE)
			.withDetail(reason));
	}

	private void requireManager(Actor actor, OrganizationView organization) {
		if (!this.organizations.isAdmin(actor, organization.id())
				&& !this.organizations.operates(actor, organization.regionCode())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
	}

	private static LocalDate parseDate(String text) {
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ex) {
				// try the next common spreadsheet format
			}
		}
		return null;
	}

	private static List<String> splitSkills(String text) {
		return java.util.Arrays.stream(text.split("[,，、;；]")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private static String randomPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.append(random.nextInt(10)).toString();
	}

	private static String writeProblems(List<FieldProblem> problems) {
		List<Map<String, Object>> list = problems.stream()
			.<Map<String, Object>>map((p) -> Map.of("field", p.field(), "key", p.messageKey(), "args",
					(p.args() != null) ? List.of(p.args()) : List.of()))
			.toList();
		String json = JSON.writeValueAsString(list);
		return (json.length() > 4000) ? json.substring(0, 4000) : json;
	}

	private static List<FieldProblem> readProblems(String json) {
		if (json == null) {
			return List.of();
		}
		List<Map<String, Object>> list = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
		});
		return list.stream()
			.map((m) -> new FieldProblem((String) m.get("field"), (String) m.get("key"),
					((List<?>) m.get("args")).toArray()))
			.toList();
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
