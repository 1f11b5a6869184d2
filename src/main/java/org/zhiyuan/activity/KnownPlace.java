package org.zhiyuan.activity;

/**
 * A place where an earlier activity was held: the address as its organizer wrote it, its
 * region and point, and whether it was one of the organization's own activities.
 */
public record KnownPlace(String address, String regionCode, double lat, double lng, boolean ownOrganization) {

}
