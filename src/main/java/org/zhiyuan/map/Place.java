package org.zhiyuan.map;

/**
 * A place that the map picker offers.
 *
 * @param name what the place is called (an earlier activity's address as its organizer
 * wrote it, or the geocoder's name)
 * @param address the name with its region, or the geocoder's full address
 * @param regionCode the region of an earlier activity; {@code null} for a geocoder's
 * place
 * @param lat latitude, WGS 84 as the maps take it
 * @param lng longitude
 * @param source where the platform knows the place from
 */
public record Place(String name, String address, String regionCode, double lat, double lng, PlaceSource source) {

}
