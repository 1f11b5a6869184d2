package org.zhiyuan.shared;

/**
 * Formats of request values as the OpenAPI document declares them ({@code @Schema(pattern
 * = ...)}), for the clients generated from it; the services check the values themselves.
 */
public final class RequestFormats {

	/**
	 * A region code: 6 digits (province, city, district), 9 (street) or 12 (community,
	 * 村/居委会).
	 */
	public static final String REGION_CODE = "^[0-9]{6}([0-9]{3}){0,2}$";

	/**
	 * A mainland mobile number, {@code +86}, {@code 0086} or {@code 86} in front allowed;
	 * spaces and hyphens are ignored.
	 */
	public static final String MOBILE_PHONE = "^\\s*(\\+86|0086|86)?[\\s-]*1[3-9]([\\s-]*[0-9]){9}\\s*$";

	/** Hours as a decimal string with at most two places, never negative: "2.50". */
	public static final String HOURS = "^[0-9]+(\\.[0-9]{1,2})?$";

	private RequestFormats() {
	}

}
