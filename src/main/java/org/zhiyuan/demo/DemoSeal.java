package org.zhiyuan.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Draws a round red seal as an organization would scan its own: a ring, the name along
 * the upper arc, a five-pointed star in the middle and a line beneath it, on a
 * transparent ground, as a PNG the certificate module accepts like any upload. The
 * lettering uses the CJK font the certificates embed, so it renders the same on any
 * server.
 */
final class DemoSeal {

	static final int SIZE = 320;

	private static final Color RED = new Color(0xD7, 0x1F, 0x26);

	private static volatile Font font;

	private DemoSeal() {
	}

	/**
	 * The seal of the named organization.
	 * @param name the organization's name, written clockwise along the upper arc
	 * @param line the short line under the star, e.g. 志愿服务专用章
	 * @return the PNG's bytes
	 */
	static byte[] png(String name, String line) {
		BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(RED);
			double centre = SIZE / 2.0;
			g.setStroke(new BasicStroke(10f));
			g.drawOval(8, 8, SIZE - 16, SIZE - 16);
			g.fill(star(centre, centre, 46, 18));
			arc(g, name, centre);
			Font small = font().deriveFont(Font.BOLD, 22f);
			g.setFont(small);
			int width = g.getFontMetrics().stringWidth(line);
			g.drawString(line, (float) (centre - width / 2.0), (float) (centre + 96));
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "PNG", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Each character upright towards the centre, spread over an arc that grows with the
	 * name up to 240 degrees, centred on the top.
	 */
	private static void arc(Graphics2D g, String name, double centre) {
		int count = name.codePointCount(0, name.length());
		float size = (count > 12) ? 26f : 32f;
		g.setFont(font().deriveFont(Font.BOLD, size));
		double radius = SIZE / 2.0 - 30 - size * 0.85;
		double sweep = Math.toRadians(Math.min(240, 22 * count));
		double step = (count > 1) ? sweep / (count - 1) : 0;
		double angle = -sweep / 2;
		AffineTransform plain = g.getTransform();
		for (int i = 0, offset = 0; i < count; i++) {
			int codePoint = name.codePointAt(offset);
			String character = new String(Character.toChars(codePoint));
			offset += Character.charCount(codePoint);
			g.setTransform(plain);
			g.translate(centre, centre);
			g.rotate(angle);
			int width = g.getFontMetrics().stringWidth(character);
			g.drawString(character, -width / 2f, (float) -radius);
			angle += step;
		}
		g.setTransform(plain);
	}

	private static Path2D star(double x, double y, double outer, double inner) {
		Path2D.Double star = new Path2D.Double();
		for (int i = 0; i < 10; i++) {
			double r = (i % 2 == 0) ? outer : inner;
			double a = -Math.PI / 2 + i * Math.PI / 5;
			double px = x + r * Math.cos(a);
			double py = y + r * Math.sin(a);
			if (i == 0) {
				star.moveTo(px, py);
			}
			else {
				star.lineTo(px, py);
			}
		}
		star.closePath();
		return star;
	}

	private static Font font() {
		Font loaded = font;
		if (loaded == null) {
			try (InputStream in = DemoSeal.class.getResourceAsStream("/fonts/NotoSansSC-Bold.ttf")) {
				if (in == null) {
					throw new IllegalStateException("the certificate font is missing from the classpath");
				}
				loaded = Font.createFont(Font.TRUETYPE_FONT, in);
				font = loaded;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (FontFormatException ex) {
				throw new IllegalStateException("the certificate font cannot be read", ex);
			}
		}
		return loaded;
	}

}
