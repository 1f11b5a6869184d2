package org.zhiyuan.volunteer;

import java.math.BigDecimal;

/**
 * A star volunteer (星级志愿者) who agreed to be shown on the honour roll, as it shows them:
 * the name masked, no number, no ID.
 *
 * @param maskedName the name with all but its first and last characters hidden
 * @param starLevel the star level, 1 to 5
 * @param totalHours the counted hours of service
 * @param regionCode the volunteer's region
 */
public record StarVolunteer(String maskedName, int starLevel, BigDecimal totalHours, String regionCode) {

}
