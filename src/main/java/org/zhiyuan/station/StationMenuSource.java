package org.zhiyuan.station;

import java.util.List;
import java.util.UUID;

/**
 * Where a station's service menu (菜单式服务) comes from: the needs module implements this as
 * a bean, and the station's page lists what it answers, each item linking to where a
 * resident orders it. Without such a bean the page says that the menu is coming.
 */
public interface StationMenuSource {

	/** The menu items offered at the station, in the order the page lists them. */
	List<MenuItem> menuOf(StationView station);

	/**
	 * One item of a station's menu: {@code orderUrl} is the page where a resident orders
	 * it (a path of this platform); {@code fieldLabelKey} a message key naming its field.
	 */
	record MenuItem(UUID id, String title, String fieldLabelKey, String description, String orderUrl) {

	}

}
