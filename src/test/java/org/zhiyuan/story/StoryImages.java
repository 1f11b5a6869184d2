package org.zhiyuan.story;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Images for the story tests, drawn here: nothing is fetched. */
final class StoryImages {

	private StoryImages() {
	}

	static byte[] png(int width, int height) {
		return draw("png", width, height, BufferedImage.TYPE_INT_ARGB);
	}

	static byte[] jpeg(int width, int height) {
		return draw("jpg", width, height, BufferedImage.TYPE_INT_RGB);
	}

	/** The first bytes of a lossy WebP: RIFF, size, WEBP, a VP8 chunk. */
	static byte[] webp() {
		byte[] bytes = new byte[64];
		byte[] header = "RIFF\u0038\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}

	static byte[] text() {
		return "这不是图片，只是一段文字。".getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] draw(String format, int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(200, 30, 40));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(Color.WHITE);
		graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

}
