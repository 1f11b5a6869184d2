package org.zhiyuan.station;

/**
 * A public search of open stations: within a region (and everything below it), of a kind,
 * inside a bounding box; {@code null} means "any".
 */
public record StationQuery(String regionCode, StationKind kind, Bbox bbox) {

}
