package org.zhiyuan.need;

import java.util.List;

import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.station.StationMenuSource;
import org.zhiyuan.station.StationView;

import org.springframework.stereotype.Component;

/**
 * A station's service menu: the items of the organization running it that are offered in
 * the station's region, each ordered on the needs' order page. A station run by no
 * organization has none.
 */
@Component
class StationMenus implements StationMenuSource {

	private static final int MOST = 50;

	private final MenuItems menus;

	StationMenus(MenuItems menus) {
		this.menus = menus;
	}

	@Override
	public List<MenuItem> menuOf(StationView station) {
		if (station.organizationId() == null) {
			return List.of();
		}
		return this.menus.search(station.regionCode(), null, station.organizationId(), PageQuery.of(0, MOST))
			.items()
			.stream()
			.map((item) -> new MenuItem(item.id(), item.title(), "serviceField." + item.field().name(),
					item.description(), "/needs/new?menuItemId=" + item.id()))
			.toList();
	}

}
