package org.zhiyuan.training;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.zhiyuan.shared.XlsxReader;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The results sheet of a session: one volunteer a row, by volunteer number, and 通过/不通过
 * (or pass/fail), read by streaming like every uploaded sheet, with a limit on its rows.
 */
final class ResultSheet {

	static final String[] COLUMNS = { "志愿者编号 Volunteer number*", "结果 Result* (通过/不通过, pass/fail)", "姓名 Name" };

	static final int MAX_ROWS = 2000;

	private ResultSheet() {
	}

	static void writeTemplate(OutputStream out, List<String[]> roster) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("成绩 Results");
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.length; i++) {
				header.createCell(i).setCellValue(COLUMNS[i]);
				sheet.setColumnWidth(i, 30 * 256);
			}
			int r = 1;
			for (String[] person : roster) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(person[0]);
				row.createCell(2).setCellValue(person[1]);
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The data rows of the first sheet, blank ones left out.
	 * @throws IllegalArgumentException when the bytes are not a readable .xlsx workbook
	 * or hold more than {@link #MAX_ROWS} rows
	 */
	static List<Line> read(byte[] bytes) {
		return XlsxReader.read(bytes, 2, MAX_ROWS)
			.stream()
			.map((row) -> new Line(row.number(), row.cell(0), passed(row.cell(1))))
			.toList();
	}

	/** Whether the text says pass or fail; null when it says neither. */
	static Boolean passed(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		return switch (value) {
			case "通过", "合格", "pass", "passed", "yes", "y", "true", "1", "是" -> true;
			case "不通过", "未通过", "不合格", "fail", "failed", "no", "n", "false", "0", "否" -> false;
			default -> null;
		};
	}

	/** One data row: its spreadsheet row number, the volunteer number and the result. */
	record Line(int number, String volunteerNumber, Boolean passed) {

	}

}
