package org.zhiyuan.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A breakdown as an Excel workbook, with the same numbers as its JSON: one row per item,
 * headings in Chinese and English, counts and hours as numbers (hours with two places), a
 * figure that means nothing for the dimension left blank (by region, hours per volunteer
 * too; by age band, the registered men and women); the region, dimension and period on a
 * sheet of their own.
 */
public final class BreakdownSheet {

	private static final String[] HEADINGS = { "代码 Key", "名称 Name", "注册志愿者 Registered volunteers",
			"活跃志愿者 Active volunteers", "服务时长（小时）Hours", "活动 Activities", "组织 Organizations", "常住人口 Population",
			"注册率 Registered share" };

	private BreakdownSheet() {
	}

	private static final String PER_VOLUNTEER = "人均时长 Hours per volunteer";

	private static final String MALE = "男 Men";

	private static final String FEMALE = "女 Women";

	public static byte[] of(Breakdown breakdown, String regionName) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle hours = workbook.createCellStyle();
			hours.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
			CellStyle share = workbook.createCellStyle();
			share.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
			Sheet sheet = workbook.createSheet("统计 Statistics");
			Row heading = sheet.createRow(0);
			boolean regions = breakdown.by() == Dimension.REGION;
			boolean ages = breakdown.by() == Dimension.AGE_BAND;
			for (int i = 0; i < HEADINGS.length; i++) {
				heading.createCell(i).setCellValue(HEADINGS[i]);
				sheet.setColumnWidth(i, ((i == 1) ? 30 : 18) * 256);
			}
			if (regions) {
				heading.createCell(HEADINGS.length).setCellValue(PER_VOLUNTEER);
				sheet.setColumnWidth(HEADINGS.length, 18 * 256);
			}
			if (ages) {
				heading.createCell(HEADINGS.length).setCellValue(MALE);
				heading.createCell(HEADINGS.length + 1).setCellValue(FEMALE);
				sheet.setColumnWidth(HEADINGS.length, 18 * 256);
				sheet.setColumnWidth(HEADINGS.length + 1, 18 * 256);
			}
			int index = 1;
			for (Breakdown.Item item : breakdown.items()) {
				Row row = sheet.createRow(index++);
				row.createCell(0).setCellValue(item.key());
				row.createCell(1).setCellValue(item.label());
				number(row, 2, item.volunteers());
				number(row, 3, item.activeVolunteers());
				decimal(row, 4, item.hours(), hours);
				number(row, 5, item.activities());
				number(row, 6, item.organizations());
				number(row, 7, item.population());
				decimal(row, 8, item.registeredShare(), share);
				if (regions) {
					decimal(row, HEADINGS.length, hoursPerVolunteer(item), hours);
				}
				if (ages) {
					number(row, HEADINGS.length, item.male());
					number(row, HEADINGS.length + 1, item.female());
				}
			}
			Sheet about = workbook.createSheet("说明 About");
			about(about, 0, "地区 Region", breakdown.regionCode() + " " + regionName);
			about(about, 1, "维度 Dimension", breakdown.by().name());
			about(about, 2, "期间 Period", breakdown.period());
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

	/**
	 * Hours per registered volunteer, as the dashboard shows them; none without
	 * volunteers.
	 */
	public static BigDecimal hoursPerVolunteer(Breakdown.Item item) {
		if (item.volunteers() == null || item.volunteers() <= 0 || item.hours() == null) {
			return null;
		}
		return item.hours().divide(BigDecimal.valueOf(item.volunteers()), 2, java.math.RoundingMode.HALF_UP);
	}

	private static void number(Row row, int column, Long value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

	private static void decimal(Row row, int column, BigDecimal value, CellStyle style) {
		if (value != null) {
			var cell = row.createCell(column);
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
