package org.zhiyuan.volunteer.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhiyuan.access.PersonalDataSection;
import org.zhiyuan.volunteer.Contact;
import org.zhiyuan.volunteer.VolunteerDataExport;
import org.zhiyuan.volunteer.VolunteerProfile;
import org.zhiyuan.volunteer.VolunteerView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes a volunteer's own data as an Excel workbook, one sheet per kind of data: the
 * profile, qualifications, report-ins and memberships, then one sheet per section that
 * the modules hold, its columns named as in the JSON download and its values written as
 * there (times in ISO-8601, hours as "2.50").
 */
@Component
class VolunteerSpreadsheets {

	private static final TypeReference<Map<String, Object>> COLUMNS = new TypeReference<>() {
	};

	private final JsonMapper json;

	VolunteerSpreadsheets(JsonMapper json) {
		this.json = json;
	}

	/** The volunteer's own data as a workbook download. */
	ResponseEntity<byte[]> exportResponse(VolunteerDataExport export) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		writeExport(export, out);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zhiyuan-my-data.xlsx\"")
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(out.toByteArray());
	}

	void writeExport(VolunteerDataExport export, OutputStream out) {
		VolunteerProfile profile = export.profile();
		VolunteerView v = profile.volunteer();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet basics = workbook.createSheet("基本信息 Profile");
			int r = 0;
			r = pair(basics, r, "志愿者编号 Volunteer number", v.volunteerNumber());
			r = pair(basics, r, "姓名 Name", v.name());
			r = pair(basics, r, "证件类型 ID type", v.idType().name());
			r = pair(basics, r, "证件号码 ID number", v.idNumberMasked());
			r = pair(basics, r, "性别 Gender", (v.gender() != null) ? v.gender().name() : "");
			r = pair(basics, r, "出生日期 Birth date", (v.birthDate() != null) ? v.birthDate().toString() : "");
			r = pair(basics, r, "手机 Phone", v.phoneMasked());
			r = pair(basics, r, "所在地区 Region", v.regionCode());
			r = pair(basics, r, "状态 Status", v.status().name());
			r = pair(basics, r, "星级 Stars", Integer.toString(v.starLevel()));
			r = pair(basics, r, "服务时长 Hours", v.totalHours().toPlainString());
			r = pair(basics, r, "注册时间 Registered", v.registeredAt().toString());
			r = pair(basics, r, "人员类别 Categories", join(profile.categories()));
			r = pair(basics, r, "专业领域 Fields", join(profile.fields()));
			r = pair(basics, r, "技能 Skills", String.join("、", profile.skills()));
			r = pair(basics, r, "语言 Languages", String.join("、", profile.languages()));
			r = pair(basics, r, "可服务时间 Availability", join(profile.availability()));
			Contact contact = profile.emergencyContact();
			r = pair(basics, r, "紧急联系人 Emergency contact",
					(contact != null) ? contact.name() + " " + contact.phone() : "");
			if (profile.guardian() != null) {
				r = pair(basics, r, "监护人 Guardian", profile.guardian().name() + " " + profile.guardian().phoneMasked()
						+ " " + profile.guardian().idNumberMasked());
			}
			pair(basics, r, "导出时间 Exported", export.exportedAt().toString());

			Sheet qualifications = workbook.createSheet("资质 Qualifications");
			row(qualifications, 0, "名称 Name", "发证机构 Issuer", "有效期至 Expires", "状态 Status");
			int q = 1;
			for (var qualification : profile.qualifications()) {
				row(qualifications, q++, qualification.name(), nullToEmpty(qualification.issuer()),
						(qualification.expiresOn() != null) ? qualification.expiresOn().toString() : "",
						qualification.status().name());
			}
			Sheet reports = workbook.createSheet("社区报到 Report-ins");
			row(reports, 0, "地区 Region", "社区 Community", "日期 Date");
			int p = 1;
			for (var report : profile.partyReportIns()) {
				row(reports, p++, report.regionCode(), report.communityName(), report.reportedOn().toString());
			}
			Sheet memberships = workbook.createSheet("组织 Organizations");
			row(memberships, 0, "组织 Organization", "角色 Role", "状态 Status");
			int m = 1;
			for (var membership : export.memberships()) {
				row(memberships, m++, membership.organizationName(), membership.role(), membership.status());
			}
			for (PersonalDataSection section : export.sections()) {
				writeSection(workbook.createSheet(section.title()), section);
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void writeSection(Sheet sheet, PersonalDataSection section) {
		if (section.rows().isEmpty()) {
			row(sheet, 0, "无 None");
			return;
		}
		List<Map<String, Object>> rows = section.rows()
			.stream()
			.map((row) -> this.json.convertValue(row, COLUMNS))
			.toList();
		row(sheet, 0, rows.get(0).keySet().toArray(String[]::new));
		int r = 1;
		for (Map<String, Object> values : rows) {
			row(sheet, r++,
					values.values()
						.stream()
						.map((value) -> (value != null) ? value.toString() : "")
						.toArray(String[]::new));
		}
	}

	private static int pair(Sheet sheet, int index, String label, String value) {
		row(sheet, index, label, nullToEmpty(value));
		return index + 1;
	}

	private static void row(Sheet sheet, int index, String... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			row.createCell(i).setCellValue(cells[i]);
		}
	}

	private static String join(List<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(", "));
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
