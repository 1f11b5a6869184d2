package org.zhiyuan.timebank.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhiyuan.timebank.LedgerAudit;

/**
 * The ledger check of a region as an Excel workbook, with the same numbers as the page:
 * one row per figure, headings in Chinese and English, hours with two places.
 */
final class LedgerSheet {

	private LedgerSheet() {
	}

	static byte[] of(LedgerAudit audit, String regionName) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle hours = workbook.createCellStyle();
			hours.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
			Sheet sheet = workbook.createSheet("时间银行 Time bank");
			Row heading = sheet.createRow(0);
			heading.createCell(0).setCellValue("项目 Figure");
			heading.createCell(1).setCellValue("数值 Value");
			int index = 1;
			index = text(sheet, index, "地区 Region", audit.regionCode() + " " + regionName);
			index = decimal(sheet, index, "全部分录合计（应为 0）Sum of all entries (0)", audit.sum(), hours);
			index = count(sheet, index, "不平衡的转账 Unbalanced movements", audit.unbalancedTransfers());
			index = count(sheet, index, "账户数 Accounts", audit.accounts());
			index = count(sheet, index, "余额为负的账户 Negative balances", audit.negativeBalances());
			index = count(sheet, index, "余额与分录不符 Balances differing from entries", audit.balanceMismatches());
			index = count(sheet, index, "本区域志愿者账户 Volunteers' accounts of the region", audit.regionAccounts());
			index = decimal(sheet, index, "本区域志愿者余额（小时）Volunteers' balances (hours)", audit.regionBalances(), hours);
			index = decimal(sheet, index, "本区域发放的时间（小时）Hours issued (hours)", audit.regionIssued(), hours);
			decimal(sheet, index, "本区域爱心互助池（小时）Donation pool (hours)", audit.regionDonationPool(), hours);
			sheet.setColumnWidth(0, 50 * 256);
			sheet.setColumnWidth(1, 30 * 256);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int text(Sheet sheet, int index, String name, String value) {
		Row row = sheet.createRow(index);
		row.createCell(0).setCellValue(name);
		row.createCell(1).setCellValue(value);
		return index + 1;
	}

	private static int count(Sheet sheet, int index, String name, long value) {
		Row row = sheet.createRow(index);
		row.createCell(0).setCellValue(name);
		row.createCell(1).setCellValue(value);
		return index + 1;
	}

	private static int decimal(Sheet sheet, int index, String name, BigDecimal value, CellStyle style) {
		Row row = sheet.createRow(index);
		row.createCell(0).setCellValue(name);
		Cell cell = row.createCell(1);
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(style);
		return index + 1;
	}

}
