package org.zhiyuan.organization.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhiyuan.access.Actor;
import org.zhiyuan.organization.Member;
import org.zhiyuan.organization.MemberStatus;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An organization's roster of active members as an Excel workbook, for its admins and the
 * operators and auditors of its region: through the API with a token and from the
 * organization page with a session. Phones stay masked and ID numbers are left out; every
 * page of members read is audited by {@link Organizations#members}.
 */
@Controller
@Tag(name = "Organizations")
class RosterController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final String[] HEADER = { "姓名", "志愿者编号", "证件号码（部分隐藏）", "手机（部分隐藏）", "角色", "加入时间" };

	// The sheet is written in Chinese throughout, whatever the caller's language.
	private static final Locale SHEET_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private static final DateTimeFormatter JOINED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final Organizations organizations;

	private final MessageSource messages;

	RosterController(Organizations organizations, MessageSource messages) {
		this.organizations = organizations;
		this.messages = messages;
	}

	@GetMapping("/api/v1/organizations/{id}/roster.xlsx")
	@Operation(summary = "Roster of active members as an Excel workbook (its admins and the region's overseers;"
			+ " audited); phones masked, no ID numbers")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The file",
			content = @io.swagger.v3.oas.annotations.media.Content(
					mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
	ResponseEntity<byte[]> apiRoster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return roster(actor, id);
	}

	@GetMapping("/organizations/{id}/roster.xlsx")
	ResponseEntity<byte[]> pageRoster(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return roster(actor, id);
	}

	private ResponseEntity<byte[]> roster(Actor actor, UUID id) {
		// read every page before writing, so that a refusal is an error response and
		// never half a file
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("名册");
			row(sheet, 0, HEADER);
			int index = 1;
			PageResult<Member> page;
			int number = 0;
			do {
				page = this.organizations.members(actor, id, MemberStatus.ACTIVE,
						PageQuery.of(number++, PageQuery.MAX_SIZE));
				for (Member member : page.items()) {
					row(sheet, index++, member.name(), member.volunteerNumber(), member.idNumberMasked(),
							member.phoneMasked(),
							this.messages.getMessage("memberRole." + member.role().name(), null, SHEET_LOCALE),
							joined(member.joinedAt()));
				}
			}
			while (number < page.totalPages());
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("roster.xlsx").build().toString())
				.contentType(XLSX)
				.body(out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void row(Sheet sheet, int index, String... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			row.createCell(i).setCellValue((cells[i] != null) ? cells[i] : "");
		}
	}

	private static String joined(OffsetDateTime joinedAt) {
		return (joinedAt != null) ? joinedAt.atZoneSameInstant(CHINA).format(JOINED) : "";
	}

}
