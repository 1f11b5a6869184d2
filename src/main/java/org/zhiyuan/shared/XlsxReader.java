package org.zhiyuan.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an uploaded .xlsx workbook by streaming, every cell as the
 * text it shows: a large file never sits in memory as a workbook.
 */
public final class XlsxReader {

	private XlsxReader() {
	}

	/**
	 * The data rows of the first sheet (the header row skipped, blank rows left out),
	 * each with its spreadsheet row number and the text of its first {@code columns}
	 * cells.
	 * @throws IllegalArgumentException with the message {@code too many rows} when it
	 * holds more than {@code maxRows} data rows, else when the bytes are no readable
	 * .xlsx workbook
	 */
	public static List<SheetRow> read(byte[] bytes, int columns, int maxRows) {
		if (bytes == null || bytes.length == 0) {
			throw new IllegalArgumentException("no file");
		}
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			Collector collector = new Collector(columns, maxRows);
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
	public record SheetRow(int number, String[] cells) {

		/** The cell's text, stripped: empty when the cell is blank or missing. */
		public String cell(int index) {
			String value = (index < this.cells.length) ? this.cells[index] : null;
			return (value != null) ? value.strip() : "";
		}

	}

	private static final class Collector implements SheetContentsHandler {

		private final List<SheetRow> rows = new ArrayList<>();

		private final int columns;

		private final int maxRows;

		private String[] current;

		private int rowIndex;

		Collector(int columns, int maxRows) {
			this.columns = columns;
			this.maxRows = maxRows;
		}

		@Override
		public void startRow(int rowNum) {
			this.rowIndex = rowNum;
			this.current = new String[this.columns];
		}

		@Override
		public void endRow(int rowNum) {
			if (this.rowIndex == 0) {
				return;
			}
			for (String cell : this.current) {
				if (cell != null && !cell.isBlank()) {
					if (this.rows.size() >= this.maxRows) {
						throw new TooManyRows();
					}
					this.rows.add(new SheetRow(this.rowIndex + 1, this.current));
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
