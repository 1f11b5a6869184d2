package org.zhiyuan.access;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A figure of the platform on the home page: its label (a message key), its value as
 * shown ({@code "12,345"}, hours {@code "12,345.50"}) and its place among the figures.
 */
public record HomeFigure(String labelKey, String value, int order) {

	/** A count, with thousands grouped. */
	public static HomeFigure count(String labelKey, long count, int order) {
		return new HomeFigure(labelKey,
				new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(count), order);
	}

	/** Hours, with thousands grouped and two decimal places. */
	public static HomeFigure hours(String labelKey, BigDecimal hours, int order) {
		return new HomeFigure(labelKey, new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
			.format(hours.setScale(2, RoundingMode.HALF_UP)), order);
	}

}
