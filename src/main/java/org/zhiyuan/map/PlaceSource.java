package org.zhiyuan.map;

/** Where the platform knows a place from, in the order the search offers them. */
public enum PlaceSource {

	/** An earlier activity of the organization whose form asks. */
	ORGANIZATION,

	/** An earlier published activity in the region asked about. */
	REGION,

	/** An earlier published activity elsewhere on the platform. */
	PLATFORM,

	/** The configured geocoder ({@code zhiyuan.map.geocoder-url}). */
	GEOCODER

}
