package org.zhiyuan.emergency;

/** A point given by latitude and longitude in degrees (WGS 84). */
public record GeoPoint(Double lat, Double lng) {

}
