package org.zhiyuan.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws a certificate as an A4 PDF with the embedded CJK font, a QR code to the
 * verification page and, when asked, the organization's seal; then signs it with the
 * platform's key (adbe.pkcs7.detached, which standard readers validate).
 */
@Component
class CertificatePdf {

	/** The PDF Info entry that carries the certificate number, read back on upload. */
	static final String NUMBER_KEY = "CertificateNumber";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Color INK = new Color(0x21, 0x25, 0x29);

	private static final Color MUTED = new Color(0x6c, 0x75, 0x7d);

	private static final Color ACCENT = new Color(0xb0, 0x1e, 0x23);

	private static final Color HEADER_FILL = new Color(0xf3, 0xf4, 0xf6);

	private final MessageSource messages;

	private final PlatformSigningKey signingKey;

	CertificatePdf(MessageSource messages, PlatformSigningKey signingKey) {
		this.messages = messages;
		this.signingKey = signingKey;
	}

	java.security.cert.X509Certificate signingCertificate() {
		return this.signingKey.certificate();
	}

	/** The signed PDF. */
	byte[] render(CertificateContent content) {
		return sign(draw(content), content);
	}

	byte[] draw(CertificateContent content) {
		Fonts fonts = Fonts.get();
		Locale locale = content.locale();
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		Document document = new Document(PageSize.A4, 54, 54, 60, 60);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setFullCompression();
			writer.setPageEvent(new Footer(fonts, text(locale, "certificate.pdf.footer", content.number())));
			document.addTitle(text(locale, "certificate.pdf.title"));
			document.addSubject(content.number());
			document.addCreator(content.issuerName());
			document.addHeader(NUMBER_KEY, content.number());
			document.addCreationDate();
			document.open();

			Paragraph title = new Paragraph(text(locale, "certificate.pdf.title"), fonts.bold(22, INK));
			title.setAlignment(Element.ALIGN_CENTER);
			document.add(title);
			if (!Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
				Paragraph chinese = new Paragraph(
						this.messages.getMessage("certificate.pdf.title", null, Locale.SIMPLIFIED_CHINESE),
						fonts.regular(11, MUTED));
				chinese.setAlignment(Element.ALIGN_CENTER);
				document.add(chinese);
			}
			Paragraph number = new Paragraph(text(locale, "certificate.pdf.number", content.number()),
					fonts.regular(9.5f, MUTED));
			number.setAlignment(Element.ALIGN_RIGHT);
			number.setSpacingBefore(8);
			number.setSpacingAfter(10);
			document.add(number);

			document.add(identity(content, fonts));

			Paragraph intro = new Paragraph(
					text(locale, "certificate.pdf.intro", content.volunteerName(), longDate(content.from(), locale),
							longDate(content.to(), locale), content.lines().size(), hours(content.totalHours())),
					fonts.regular(11, INK));
			intro.setLeading(18);
			intro.setSpacingBefore(12);
			intro.setSpacingAfter(8);
			intro.setFirstLineIndent(Locale.CHINESE.getLanguage().equals(locale.getLanguage()) ? 22 : 0);
			document.add(intro);

			document.add(records(content, fonts));

			document.add(section(text(locale, "certificate.pdf.training"), fonts));
			if (content.trainings().isEmpty()) {
				document.add(new Paragraph(text(locale, "certificate.pdf.none"), fonts.regular(10, MUTED)));
			}
			for (String training : content.trainings()) {
				document.add(new Paragraph("• " + training, fonts.regular(10, INK)));
			}
			document.add(section(text(locale, "certificate.pdf.awards"), fonts));
			boolean nothing = content.starLevel() == 0 && content.awards().isEmpty() && content.evaluationCount() == 0;
			if (nothing) {
				document.add(new Paragraph(text(locale, "certificate.pdf.none"), fonts.regular(10, MUTED)));
			}
			if (content.starLevel() > 0) {
				document.add(new Paragraph(
						text(locale, "certificate.pdf.star", content.starLevel(), "★".repeat(content.starLevel())),
						fonts.regular(10, INK)));
			}
			for (String award : content.awards()) {
				document.add(new Paragraph("• " + award, fonts.regular(10, INK)));
			}
			if (content.evaluationCount() > 0) {
				document.add(new Paragraph(text(locale, "certificate.pdf.evaluations", content.evaluationCount(),
						content.evaluationAverage().toPlainString()), fonts.regular(10, INK)));
			}

			Paragraph basis = new Paragraph(text(locale, "certificate.pdf.basis"), fonts.regular(9, MUTED));
			basis.setSpacingBefore(14);
			basis.setLeading(14);
			document.add(basis);

			issuerBlock(document, writer, content, fonts);
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("The certificate could not be drawn", ex);
		}
		return out.toByteArray();
	}

	private PdfPTable identity(CertificateContent content, Fonts fonts) throws DocumentException {
		Locale locale = content.locale();
		PdfPTable table = new PdfPTable(new float[] { 1.1f, 2f, 1.1f, 2.6f });
		table.setWidthPercentage(100);
		labelled(table, fonts, text(locale, "certificate.pdf.name"), content.volunteerName());
		labelled(table, fonts, text(locale, "certificate.pdf.gender"), text(locale, content.genderKey()));
		labelled(table, fonts, text(locale, "certificate.pdf.idNumber"), content.idNumberMasked());
		labelled(table, fonts, text(locale, "certificate.pdf.volunteerNumber"), content.volunteerNumber());
		labelled(table, fonts, text(locale, "certificate.pdf.period"), content.from() + " — " + content.to());
		labelled(table, fonts, text(locale, "certificate.pdf.totalHours"),
				text(locale, "certificate.pdf.hours", hours(content.totalHours())));
		return table;
	}

	private static void labelled(PdfPTable table, Fonts fonts, String label, String value) {
		PdfPCell head = new PdfPCell(new Phrase(label, fonts.bold(9.5f, MUTED)));
		head.setBackgroundColor(HEADER_FILL);
		head.setPadding(5);
		head.setBorderColor(Color.LIGHT_GRAY);
		table.addCell(head);
		PdfPCell cell = new PdfPCell(new Phrase(value, fonts.regular(10.5f, INK)));
		cell.setPadding(5);
		cell.setBorderColor(Color.LIGHT_GRAY);
		table.addCell(cell);
	}

	private PdfPTable records(CertificateContent content, Fonts fonts) throws DocumentException {
		Locale locale = content.locale();
		// the organizations' stars get a column only on certificates that have some
		boolean rated = content.evaluationCount() > 0;
		PdfPTable table = new PdfPTable(rated ? new float[] { 0.5f, 1.25f, 2.1f, 1.5f, 2.1f, 0.8f, 1.7f, 0.9f }
				: new float[] { 0.5f, 1.25f, 2.2f, 1.6f, 2.3f, 0.8f, 1.8f });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.setSpacingAfter(6);
		List<String> columns = new ArrayList<>(List.of("certificate.pdf.col.index", "certificate.pdf.col.date",
				"certificate.pdf.col.activity", "certificate.pdf.col.place", "certificate.pdf.col.content",
				"certificate.pdf.col.hours", "certificate.pdf.col.organization"));
		if (rated) {
			columns.add("certificate.pdf.col.stars");
		}
		for (String key : columns) {
			PdfPCell head = new PdfPCell(new Phrase(text(locale, key), fonts.bold(9, INK)));
			head.setBackgroundColor(HEADER_FILL);
			head.setPadding(4);
			head.setBorderColor(Color.LIGHT_GRAY);
			table.addCell(head);
		}
		int index = 1;
		for (CertificateContent.Line line : content.lines()) {
			cell(table, fonts, String.valueOf(index++), Element.ALIGN_CENTER);
			cell(table, fonts, line.date().toString(), Element.ALIGN_LEFT);
			cell(table, fonts, line.activity(), Element.ALIGN_LEFT);
			cell(table, fonts, line.place(), Element.ALIGN_LEFT);
			cell(table, fonts, shorten(line.content(), 160), Element.ALIGN_LEFT);
			cell(table, fonts, hours(line.hours()), Element.ALIGN_RIGHT);
			cell(table, fonts, line.recordingOrganization(), Element.ALIGN_LEFT);
			if (rated) {
				cell(table, fonts, (line.stars() != null) ? "★".repeat(line.stars()) : "", Element.ALIGN_CENTER);
			}
		}
		PdfPCell total = new PdfPCell(new Phrase(text(locale, "certificate.pdf.total"), fonts.bold(9.5f, INK)));
		total.setColspan(5);
		total.setHorizontalAlignment(Element.ALIGN_RIGHT);
		total.setPadding(4);
		total.setBorderColor(Color.LIGHT_GRAY);
		table.addCell(total);
		PdfPCell sum = new PdfPCell(new Phrase(hours(content.totalHours()), fonts.bold(9.5f, INK)));
		sum.setHorizontalAlignment(Element.ALIGN_RIGHT);
		sum.setPadding(4);
		sum.setBorderColor(Color.LIGHT_GRAY);
		table.addCell(sum);
		PdfPCell rest = new PdfPCell(new Phrase(""));
		rest.setBorderColor(Color.LIGHT_GRAY);
		rest.setColspan(rated ? 2 : 1);
		table.addCell(rest);
		return table;
	}

	private static void cell(PdfPTable table, Fonts fonts, String value, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase((value != null) ? value : "", fonts.regular(8.5f, INK)));
		cell.setHorizontalAlignment(alignment);
		cell.setPadding(4);
		cell.setBorderColor(Color.LIGHT_GRAY);
		table.addCell(cell);
	}

	private static Paragraph section(String heading, Fonts fonts) {
		Paragraph paragraph = new Paragraph(heading, fonts.bold(11, ACCENT));
		paragraph.setSpacingBefore(10);
		paragraph.setSpacingAfter(3);
		return paragraph;
	}

	private void issuerBlock(Document document, PdfWriter writer, CertificateContent content, Fonts fonts)
			throws DocumentException {
		Locale locale = content.locale();
		float qrSize = 92;
		float blockHeight = 130;
		if (writer.getVerticalPosition(true) - document.bottom() < blockHeight) {
			document.newPage();
		}
		Paragraph spacer = new Paragraph(" ", fonts.regular(6, INK));
		spacer.setSpacingBefore(4);
		document.add(spacer);
		float top = writer.getVerticalPosition(true);
		PdfContentByte canvas = writer.getDirectContent();

		float left = document.left();
		drawQr(canvas, content.verifyUrl(), left, top - qrSize, qrSize);
		PdfPTable verify = new PdfPTable(1);
		verify.setTotalWidth(180);
		PdfPCell hint = new PdfPCell(
				new Phrase(text(locale, "certificate.pdf.verify", content.verifyUrl()), fonts.regular(8, MUTED)));
		hint.setBorder(Rectangle.NO_BORDER);
		hint.setLeading(0, 1.35f);
		verify.addCell(hint);
		verify.writeSelectedRows(0, -1, left + qrSize + 8, top - 2, canvas);

		float right = document.right();
		PdfPTable issuer = new PdfPTable(1);
		issuer.setTotalWidth(210);
		String issuerText = text(locale, "certificate.pdf.issuer", content.issuerName());
		issuerLine(issuer, issuerText, fonts.boldFor(issuerText, 10.5f, INK));
		if (content.selfPrinted()) {
			issuerLine(issuer, text(locale, "certificate.pdf.selfPrinted"), fonts.regular(8.5f, MUTED));
		}
		issuerLine(issuer,
				text(locale, "certificate.pdf.issuedOn",
						longDate(content.issuedAt().atZoneSameInstant(CHINA).toLocalDate(), locale)),
				fonts.regular(10, INK));
		issuerLine(issuer, text(locale, "certificate.pdf.number", content.number()), fonts.regular(8.5f, MUTED));
		issuer.writeSelectedRows(0, -1, right - 210, top - 20, canvas);

		if (content.seal() != null) {
			try {
				Image seal = Image.getInstance(content.seal());
				seal.scaleToFit(112, 112);
				seal.setAbsolutePosition(right - 160, top - 20 - 100);
				canvas.addImage(seal);
			}
			catch (IOException | DocumentException ex) {
				throw new IllegalStateException("The seal image cannot be drawn", ex);
			}
		}
		document.add(new Paragraph(" ", fonts.regular(1, INK)));
	}

	private static void issuerLine(PdfPTable table, String value, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(value, font));
		cell.setBorder(Rectangle.NO_BORDER);
		cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
		cell.setPaddingBottom(4);
		table.addCell(cell);
	}

	/** The QR code drawn as vector squares: sharp at any zoom and a few hundred bytes. */
	private static void drawQr(PdfContentByte canvas, String url, float x, float y, float size) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("The verification address does not fit a QR code", ex);
		}
		float module = size / matrix.getWidth();
		canvas.saveState();
		canvas.setColorFill(Color.BLACK);
		for (int row = 0; row < matrix.getHeight(); row++) {
			for (int column = 0; column < matrix.getWidth(); column++) {
				if (matrix.get(column, row)) {
					canvas.rectangle(x + column * module, y + size - (row + 1) * module, module, module);
				}
			}
		}
		canvas.fill();
		canvas.restoreState();
	}

	private byte[] sign(byte[] pdf, CertificateContent content) {
		try {
			PdfReader reader = new PdfReader(pdf);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
			PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0');
			PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
			appearance.setCrypto(this.signingKey.privateKey(), this.signingKey.chain(), null,
					PdfSignatureAppearance.WINCER_SIGNED);
			appearance.setReason(text(content.locale(), "certificate.pdf.signatureReason", content.number()));
			appearance.setLocation(content.issuerName());
			Calendar when = new GregorianCalendar(TimeZone.getTimeZone(CHINA));
			when.setTimeInMillis(content.issuedAt().toInstant().toEpochMilli());
			appearance.setSignDate(when);
			appearance.setFieldNameForInvisibleSignatures("PlatformSignature");
			stamper.close();
			reader.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("The certificate could not be signed", ex);
		}
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String hours(BigDecimal hours) {
		return hours.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	private static String longDate(LocalDate date, Locale locale) {
		return Locale.CHINESE.getLanguage().equals(locale.getLanguage())
				? date.format(DateTimeFormatter.ofPattern("yyyy年M月d日"))
				: date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
	}

	private static String shorten(String text, int max) {
		if (text == null) {
			return "";
		}
		int[] points = text.codePoints().toArray();
		return (points.length <= max) ? text : new String(points, 0, max - 1) + "…";
	}

	/** The page footer: the certificate number and the page number on every page. */
	private static final class Footer extends PdfPageEventHelper {

		private final Fonts fonts;

		private final String text;

		Footer(Fonts fonts, String text) {
			this.fonts = fonts;
			this.text = text;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte canvas = writer.getDirectContent();
			canvas.saveState();
			canvas.setColorStroke(Color.LIGHT_GRAY);
			canvas.moveTo(document.left(), document.bottom() - 14);
			canvas.lineTo(document.right(), document.bottom() - 14);
			canvas.stroke();
			canvas.restoreState();
			com.lowagie.text.pdf.ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
					new Phrase(this.text + " · " + writer.getPageNumber(), this.fonts.regular(8, MUTED)),
					(document.left() + document.right()) / 2, document.bottom() - 28, 0);
		}

	}

	/** The embedded fonts, parsed once: a subset of Noto Sans CJK SC in two weights. */
	static final class Fonts {

		private static volatile Fonts instance;

		private final BaseFont regular;

		private final BaseFont bold;

		private Fonts(BaseFont regular, BaseFont bold) {
			this.regular = regular;
			this.bold = bold;
		}

		static Fonts get() {
			Fonts fonts = instance;
			if (fonts == null) {
				synchronized (Fonts.class) {
					fonts = instance;
					if (fonts == null) {
						fonts = new Fonts(load("NotoSansSC-Regular.ttf"), load("NotoSansSC-Bold.ttf"));
						instance = fonts;
					}
				}
			}
			return fonts;
		}

		private static BaseFont load(String name) {
			try (InputStream in = CertificatePdf.class.getResourceAsStream("/fonts/" + name)) {
				if (in == null) {
					throw new IllegalStateException("The font " + name + " is missing from the application");
				}
				return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(),
						null);
			}
			catch (IOException | DocumentException ex) {
				throw new IllegalStateException("The font " + name + " cannot be read", ex);
			}
		}

		Font regular(float size, Color color) {
			return new Font(this.regular, size, Font.NORMAL, color);
		}

		Font bold(float size, Color color) {
			return new Font(this.bold, size, Font.NORMAL, color);
		}

		/**
		 * Bold when the bold subset (GB 2312) has every character of the text, else
		 * regular, which covers all of GBK: names must never lose a character.
		 */
		Font boldFor(String text, float size, Color color) {
			boolean covered = text.codePoints().allMatch((c) -> Character.isWhitespace(c) || this.bold.charExists(c));
			return covered ? bold(size, color) : regular(size, color);
		}

	}

}
