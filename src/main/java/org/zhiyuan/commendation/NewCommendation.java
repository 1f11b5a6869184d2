package org.zhiyuan.commendation;

/**
 * A campaign as asked for: the values as given, checked by {@link Commendations#create}.
 */
public record NewCommendation(String regionCode, String title, String kind, String nominationsUntil,
		Integer noticeDays) {

}
