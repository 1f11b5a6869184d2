package org.zhiyuan.complaint;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.complaint.ComplaintRepository.Stored;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence attached to complaints: photos (JPEG, PNG, WebP) and PDFs, told apart by their
 * content, never by their name. The complainant adds them (signed in, or an anonymous
 * visitor with the tracking code) while the complaint is open, up to {@value #MAX_FILES}
 * of at most 5 MB; the complainant and the operators and auditors of the region read them
 * (audited).
 */
@Service
public class ComplaintAttachments {

	static final int MAX_FILES = 4;

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final int NAME_LENGTH = 100;

	private final Complaints complaints;

	private final ComplaintRepository repository;

	private final AccessPolicy accessPolicy;

	private final AuditLog auditLog;

	private final TransactionTemplate transaction;

	ComplaintAttachments(Complaints complaints, ComplaintRepository repository, AccessPolicy accessPolicy,
			AuditLog auditLog, PlatformTransactionManager transactions) {
		this.complaints = complaints;
		this.repository = repository;
		this.accessPolicy = accessPolicy;
		this.auditLog = auditLog;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Attaches a file to an open complaint: by its complainant, or by whoever holds the
	 * tracking code of an anonymous report.
	 * @throws ProblemException 400 {@code file} when empty, too large or of another kind;
	 * 403 for anyone else; 404 {@code COMPLAINT_NOT_FOUND}; 409 {@code INVALID_STATE}
	 * once resolved, {@code TOO_MANY_ATTACHMENTS} past {@value #MAX_FILES}
	 */
	public ComplaintView attach(Actor actor, UUID id, String trackingCode, String fileName, byte[] content) {
		requireSomeone(actor, trackingCode);
		Stored stored = this.complaints.require(id);
		boolean complainant = (actor != null && actor.accountId().equals(stored.view().complainantId()))
				|| (trackingCode != null && id.equals(this.complaints.tracked(trackingCode)));
		if (!complainant) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		String contentType = contentType(content);
		if (content == null || content.length > MAX_BYTES || contentType == null) {
			throw ProblemException.invalid(List.of(new FieldProblem("file", "validation.complaint.file", 5)));
		}
		String name = fileName(fileName, contentType);
		this.transaction.executeWithoutResult((status) -> {
			ComplaintStatus current = this.repository.lockStatus(id).orElseThrow(Complaints::notFound);
			if (current == ComplaintStatus.RESOLVED) {
				throw ProblemException.conflict("INVALID_STATE", "complaint.invalidState", current.name());
			}
			int position = this.repository.attachments(id).size() + 1;
			if (position > MAX_FILES) {
				throw ProblemException.conflict("TOO_MANY_ATTACHMENTS", "complaint.tooManyAttachments", MAX_FILES);
			}
			this.repository.insertAttachment(id, position, name, contentType, content, now());
			this.auditLog.record(AuditRecord.of("complaint.attach", (actor != null) ? actor.accountId() : null)
				.on("complaint", id)
				.inRegion(stored.view().regionCode())
				.withDetail(contentType));
		});
		return this.complaints.withSteps(this.repository.find(id, now()).orElseThrow().view());
	}

	/**
	 * Checks the files a report is to be filed with, before it is: at most
	 * {@value #MAX_FILES}, each a photo or a PDF of at most 5 MB.
	 * @throws ProblemException 400 {@code files}
	 */
	public void check(List<byte[]> files) {
		if (files.size() > MAX_FILES) {
			throw ProblemException
				.invalid(List.of(new FieldProblem("files", "complaint.tooManyAttachments", MAX_FILES)));
		}
		if (files.stream().anyMatch((f) -> f == null || f.length > MAX_BYTES || contentType(f) == null)) {
			throw ProblemException.invalid(List.of(new FieldProblem("files", "validation.complaint.file", 5)));
		}
	}

	/**
	 * One attached file: for the complainant (or the tracking code's holder) and the
	 * operators and auditors of the complaint's region (audited).
	 * @throws ProblemException 403 for anyone else; 404 {@code COMPLAINT_NOT_FOUND} or
	 * {@code ATTACHMENT_NOT_FOUND}
	 */
	public AttachmentFile file(Actor actor, UUID id, int position, String trackingCode) {
		requireSomeone(actor, trackingCode);
		Stored stored = this.complaints.require(id);
		if (trackingCode == null || !id.equals(this.complaints.tracked(trackingCode))) {
			if (actor == null) {
				throw ProblemException.forbidden("problem.forbidden.object");
			}
			this.accessPolicy.check(actor, Access.READ, Complaints.scope(stored));
		}
		ComplaintAttachment attachment = this.repository.attachments(id)
			.stream()
			.filter((a) -> a.position() == position)
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("ATTACHMENT_NOT_FOUND", "complaint.attachmentNotFound"));
		byte[] content = this.repository.attachmentContent(id, position).orElseThrow();
		return new AttachmentFile(attachment.fileName(), attachment.contentType(), content);
	}

	/**
	 * Files are for someone signed in or holding a tracking code: 401 for anyone else.
	 */
	private static void requireSomeone(Actor actor, String trackingCode) {
		if (actor == null && (trackingCode == null || trackingCode.isBlank())) {
			throw new ProblemException(401, "UNAUTHORIZED", "problem.unauthorized");
		}
	}

	/** An attached file's bytes, with the name and type to serve it with. */
	public record AttachmentFile(String fileName, String contentType, byte[] content) {

	}

	/** The kind of file by its first bytes, or {@code null} when not one accepted. */
	static String contentType(byte[] b) {
		if (b == null || b.length < 12) {
			return null;
		}
		if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
			return "image/jpeg";
		}
		if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "image/png";
		}
		if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
				&& b[11] == 'P') {
			return "image/webp";
		}
		if (b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
			return "application/pdf";
		}
		return null;
	}

	/** The uploaded name without any folder, or a plain one, ending as its kind does. */
	private static String fileName(String given, String contentType) {
		String name = (given != null) ? given.replace('\\', '/') : "";
		name = name.substring(name.lastIndexOf('/') + 1).strip().replaceAll("[\\p{Cntrl}\"]", "");
		String extension = switch (contentType) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			case "image/webp" -> ".webp";
			default -> ".pdf";
		};
		if (name.isEmpty()) {
			name = "attachment" + extension;
		}
		return (name.length() > NAME_LENGTH) ? name.substring(name.length() - NAME_LENGTH) : name;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
