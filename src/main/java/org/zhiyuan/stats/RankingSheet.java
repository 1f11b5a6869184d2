package org.zhiyuan.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ranking as an Excel workbook, with the same numbers as its JSON: one row per item in
 * rank order, headings in Chinese and English, the value as a number (a share as a
 * percentage, hours with two places), a figure that means nothing for the kind left
 * blank; the region, kind and period on a sheet of their own.
 */
public final class RankingSheet {

	private static final String[] HEADINGS = { "名次 Rank", "代码 Key", "名称 Name", "排名值 Value",
			"注册志愿者 Registered volunteers", "服务时长（小时）Hours", "常住人口 Population", "服务记录 Records", "活动 Activities",
			"所属组织 Organization" };

	private RankingSheet() {
	}

	public static byte[] of(Ranking ranking, String regionName) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle hours = workbook.createCellStyle();
			hours.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
			CellStyle share = workbook.createCellStyle();
			share.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
			Sheet sheet = workbook.createSheet("排名 Ranking");
			Row heading = sheet.createRow(0);
			for (int i = 0; i < HEADINGS.length; i++) {
				heading.createCell(i).setCellValue(HEADINGS[i]);
				sheet.setColumnWidth(i, ((i == 1 || i == 2 || i == 9) ? 30 : 16) * 256);
			}
			CellStyle value = (ranking.by() == RankingKind.REGISTERED_SHARE) ? share : hours;
			int index = 1;
			for (Ranking.Item item : ranking.items()) {
				Row row = sheet.createRow(index++);
				if (item.rank() != null) {
					row.createCell(0).setCellValue(item.rank());
				}
				row.createCell(1).setCellValue(item.key());
				row.createCell(2).setCellValue(item.label());
				decimal(row, 3, item.value(), value);
				number(row, 4, item.volunteers());
				decimal(row, 5, item.hours(), hours);
				number(row, 6, item.population());
				number(row, 7, item.records());
				number(row, 8, item.activities());
				if (item.organizationName() != null) {
					row.createCell(9).setCellValue(item.organizationName());
				}
			}
			Sheet about = workbook.createSheet("说明 About");
			about(about, 0, "地区 Region", ranking.regionCode() + " " + regionName);
			about(about, 1, "排名 Ranking", ranking.by().name());
			about(about, 2, "期间 Period", ranking.period());
			about.setColumnWidth(0, 20 * 256);
			about.setColumnWidth(1, 50 * 256);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void number(Row row, int column, Long value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

	private static void decimal(Row row, int column, BigDecimal value, CellStyle style) {
		if (value != null) {
			Cell cell = row.createCell(column);
			cell.setCellValue(value.doubleValue());
			cell.setCellStyle(style);
		}
	}

	private static void about(Sheet sheet, int index, String name, String value) {
		Row row = sheet.createRow(index);
		row.createCell(0).setCellValue(name);
		row.createCell(1).setCellValue(value);
	}

}
