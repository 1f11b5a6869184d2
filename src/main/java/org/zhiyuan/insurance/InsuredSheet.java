package org.zhiyuan.insurance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhiyuan.shared.XlsxReader;

/**
 * The insured volunteers' spreadsheets, in Chinese and English headings: the sheet an
 * admin fills in to insure volunteers (one volunteer number or phone a row, read as text
 * by streaming), and the insured list an insurer is sent (ID numbers and phones masked).
 */
public final class InsuredSheet {

	/** Rows beyond this are refused. */
	static final int MAX_ROWS = 5_000;

	private static final String[] TEMPLATE = { "志愿者编号或手机号 Volunteer number or phone*", "姓名 Name (for reference)" };

	private static final String[] LIST = { "姓名 Name", "志愿者编号 Volunteer number", "证件号码（部分隐藏）ID number (masked)",
			"手机（部分隐藏）Phone (masked)", "投保时间 Insured at" };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private InsuredSheet() {
	}

	/** The template to fill in. */
	public static byte[] template() {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("投保名单 Insured");
			// phones typed as numbers would lose nothing, but numbers like 0086… would
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			row(sheet, 0, TEMPLATE);
			for (int i = 0; i < TEMPLATE.length; i++) {
				sheet.setColumnWidth(i, 36 * 256);
				sheet.setDefaultColumnStyle(i, text);
			}
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The policy's insured volunteers, with the policy on a sheet of its own. */
	public static byte[] list(PolicyView policy, List<InsuredView> insured) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("被保险人 Insured");
			row(sheet, 0, LIST);
			int index = 1;
			for (InsuredView person : insured) {
				row(sheet, index++, person.name(), person.volunteerNumber(), person.idNumberMasked(),
						person.phoneMasked(), time(person.addedAt()));
			}
			for (int i = 0; i < LIST.length; i++) {
				sheet.setColumnWidth(i, 24 * 256);
			}
			Sheet about = workbook.createSheet("保单 Policy");
			row(about, 0, "保险公司 Insurer", policy.insurer());
			row(about, 1, "保单号 Policy number", policy.policyNumber());
			row(about, 2, "保险期间 Period", policy.startsOn() + " — " + policy.endsOn());
			row(about, 3, "保障内容 Coverage", policy.coverage());
			row(about, 4, "被保险人数 Insured", String.valueOf(insured.size()));
			about.setColumnWidth(0, 24 * 256);
			about.setColumnWidth(1, 60 * 256);
			return bytes(workbook);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The data rows of the first sheet (the header skipped, blank rows left out): each
	 * row's spreadsheet number and its first cell's text.
	 * @throws IllegalArgumentException when the bytes are no readable .xlsx workbook or
	 * hold more than {@link #MAX_ROWS} rows
	 */
	static List<SheetRow> read(byte[] bytes) {
		return XlsxReader.read(bytes, TEMPLATE.length, MAX_ROWS)
			.stream()
			.map((row) -> new SheetRow(row.number(), row.cell(0)))
			.toList();
	}

	/**
	 * A data row: its 1-based spreadsheet number and the volunteer number or phone given.
	 */
	record SheetRow(int number, String given) {

	}

	private static void row(Sheet sheet, int index, String... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			row.createCell(i).setCellValue((cells[i] != null) ? cells[i] : "");
		}
	}

	private static String time(OffsetDateTime at) {
		return (at != null) ? at.atZoneSameInstant(Cover.CHINA).format(TIME) : "";
	}

	private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbook.write(out);
		return out.toByteArray();
	}

}
