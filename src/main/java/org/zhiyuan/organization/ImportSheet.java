package org.zhiyuan.organization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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
	static List<ImportRow> read(byte[] bytes) {
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			Collector collector = new Collector();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				return List.of();
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
						new DataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
			return collector.rows;
		}
		catch (TooManyRows ex) {
			throw new IllegalArgumentException("too many rows", ex);
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw new IllegalArgumentException("not a readable xlsx workbook", ex);
		}
	}

	/** One data row: its 1-based spreadsheet row number and its cells as text. */
	record ImportRow(int number, String[] cells) {

		String cell(int index) {
			String value = (index < this.cells.length) ? this.cells[index] : null;
			return (value != null) ? value.strip() : "";
		}

	}

	private static final class Collector implements SheetContentsHandler {

		private final List<ImportRow> rows = new ArrayList<>();

		private String[] current;

		private int rowIndex;

		@Override
		public void startRow(int rowNum) {
			this.rowIndex = rowNum;
			this.current = new String[COLUMNS.length];
		}

		@Override
		public void endRow(int rowNum) {
			if (this.rowIndex == 0) {
				return;
			}
			for (String cell : this.current) {
				if (cell != null && !cell.isBlank()) {
					if (this.rows.size() >= MAX_ROWS) {
						throw new TooManyRows();
					}
					this.rows.add(new ImportRow(this.rowIndex + 1, this.current));
					return;
				}
			}
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : -1;
			if (column >= 0 && column < this.current.length) {
				this.current[column] = formattedValue;
			}
		}

	}

	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super(null, null, false, false);
		}

	}

}
