package org.zhiyuan.organization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhiyuan.shared.XlsxReader;
import org.zhiyuan.shared.XlsxReader.SheetRow;

/**
 * The volunteer import spreadsheet: the template admins fill in, and a streaming reader
 * for uploads (rows are read as text, so a large file never sits in memory as a
 * workbook).
 */
final class ImportSheet {

	static final String[] COLUMNS = { "姓名 Name*", "证件类型 ID type*", "证件号码 ID number*", "出生日期 Birth date (yyyy-MM-dd)",
			"性别 Gender", "手机号 Phone*", "所在地区代码 Region code*", "技能 Skills", "监护人姓名 Guardian name",
			"监护人手机号 Guardian phone", "监护人身份证号 Guardian ID", "初始密码 Initial password" };

	/**
	 * Rows beyond this are refused, so that one upload cannot occupy the platform for
	 * days.
	 */
	static final int MAX_ROWS = 20_000;

	private ImportSheet() {
	}

	static void writeTemplate(OutputStream out) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("志愿者 Volunteers");
			Row header = sheet.createRow(0);
			// numbers typed into ID and phone columns would lose digits: keep those
			// columns text
			org.apache.poi.ss.usermodel.CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			for (int i = 0; i < COLUMNS.length; i++) {
				header.createCell(i).setCellValue(COLUMNS[i]);
				sheet.setColumnWidth(i, 22 * 256);
				sheet.setDefaultColumnStyle(i, text);
			}
			Sheet help = workbook.createSheet("说明 Help");
			String[] lines = { "每行一名志愿者，从第 2 行开始填写；带 * 的列必填。One volunteer per row from row 2; * is required.",
					"证件类型 ID type: 居民身份证 RESIDENT_ID, 港澳台居民居住证 HMT_RESIDENCE_PERMIT, 港澳居民来往内地通行证 HK_MACAO_PERMIT,"
							+ " 台湾居民来往大陆通行证 TAIWAN_PERMIT, 外国人永久居留身份证 FOREIGN_PERMANENT_RESIDENCE_ID, 护照 PASSPORT",
					"出生日期、性别：居民身份证和居住证可不填，其他证件必填。Birth date and gender: required unless read from the ID.",
					"未满 18 周岁须填写监护人信息。Under 18: the guardian's name, phone and ID number are required.",
					"已注册的志愿者（证件号码相同）不会重复创建，只加入本组织。People already registered are only added to the organization.",
					"初始密码可不填：不填时由系统随机生成，志愿者需通过找回密码设置。Initial password: optional." };
			for (int i = 0; i < lines.length; i++) {
				help.createRow(i).createCell(0).setCellValue(lines[i]);
			}
			help.setColumnWidth(0, 120 * 256);
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The data rows of the first sheet (the header row skipped), each as its cells' text,
	 * with its spreadsheet row number. Blank rows are left out.
	 * @throws IllegalArgumentException when the bytes are not a readable .xlsx workbook
	 * or hold more than {@link #MAX_ROWS} rows
	 */
	static List<SheetRow> read(byte[] bytes) {
		return XlsxReader.read(bytes, COLUMNS.length, MAX_ROWS);
	}

}
