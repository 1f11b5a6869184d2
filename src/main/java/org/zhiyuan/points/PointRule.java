package org.zhiyuan.points;

/**
 * The rules of points that apply in a region: points per hour of counted service, for
 * hard (HIGH-risk) service and for emergency service (an emergency recruitment or
 * disaster relief), and the months a lot stays valid. {@code from} names the region that
 * sets them ({@code null}: the platform's defaults); {@code own} whether the region sets
 * them itself.
 */
public record PointRule(String regionCode, int perHour, int hardPerHour, int emergencyPerHour, int validMonths,
		String from, boolean own) {

}
