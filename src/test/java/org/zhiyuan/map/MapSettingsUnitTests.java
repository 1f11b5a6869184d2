package org.zhiyuan.map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.shared.web.MapProperties;
import org.zhiyuan.shared.web.MapSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map settings: the tile origin that the pages' image policy admits, the defaults,
 * and the "open in a map app" link.
 */
class MapSettingsUnitTests {

	@Test
	void admitsOnlyTheTileServicesOrigin() {
		assertThat(settings("https://tile.openstreetmap.org/{z}/{x}/{y}.png").tileOrigin())
			.isEqualTo("https://tile.openstreetmap.org");
		assertThat(settings("https://{s}.tiles.example.cn:8443/base/{z}/{x}/{y}{r}.png?key=k").tileOrigin())
			.isEqualTo("https://*.tiles.example.cn:8443");
		assertThat(settings("https://map-{s}.example.cn/{z}/{x}/{y}.png").tileOrigin())
			.isEqualTo("https://*.example.cn");
		assertThat(settings("/tiles/{z}/{x}/{y}.png").tileOrigin()).as("the platform's own").isNull();
		assertThat(settings("").tileOrigin()).isNull();
		assertThat(settings("javascript:alert(1)").tileOrigin()).isNull();
	}

	@Test
	void withoutATileAddressTheMapsLoadNoTiles() {
		MapSettings offline = settings(null);
		assertThat(offline.tilesOn()).isFalse();
		assertThat(offline.properties().maxZoom()).isEqualTo(19);
		assertThat(offline.properties().zoom()).isEqualTo(11);
		assertThat(offline.properties().centerLat()).isEqualTo(39.9042);
		assertThat(settings("https://tile.openstreetmap.org/{z}/{x}/{y}.png").tilesOn()).isTrue();
	}

	@Test
	void linksAPointToTheMapApp() {
		assertThat(settings("").link(39.9087, 116.4445, "服务站"))
			.isEqualTo("geo:39.908700,116.444500?q=39.908700,116.444500");
		MapSettings custom = new MapSettings(new MapProperties("", "", null, null, null, null,
				"https://maps.example.cn/?p={lat},{lng}&name={label}", "", null));
		assertThat(custom.link(39.9087, 116.4445, "建外 服务站")).isEqualTo(
				"https://maps.example.cn/?p=39.908700,116.444500&name=%E5%BB%BA%E5%A4%96+%E6%9C%8D%E5%8A%A1%E7%AB%99");
		assertThat(custom.link(null, 116.4, "x")).isNull();
	}

	private static MapSettings settings(String tileUrl) {
		return new MapSettings(new MapProperties(tileUrl, null, null, null, null, null, null, null, null));
	}

}
