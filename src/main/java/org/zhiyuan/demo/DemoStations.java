package org.zhiyuan.demo;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.demo.DemoHistory.DemoTeams;
import org.zhiyuan.station.Checklist;
import org.zhiyuan.station.NewStation;
import org.zhiyuan.station.StationKind;
import org.zhiyuan.station.Stations;

/**
 * The stations of 北京市朝阳区 on the map, entered by the district's operator: the district's
 * practice centre, the institutes of 建外街道 and 朝外街道, 永安里社区's station and four volunteer
 * service points, at their real places around 建国门外 and 朝阳门外, three of them close enough
 * to gather into one cluster at the district's zoom. Some lack an item of the standard
 * checklist, so both badges show.
 */
final class DemoStations {

	private final Stations stations;

	DemoStations(Stations stations) {
		this.stations = stations;
	}

	void seed(Actor district, DemoTeams teams) {
		List<NewStation> all = List.of(
				station("朝阳区新时代文明实践中心", StationKind.PRACTICE_CENTER, DemoData.DISTRICT, "日坛北路 33 号", 39.9219, 116.4434,
						"周一至周日 9:00-17:00", teams.association(), all()),
				station("建外街道新时代文明实践所", StationKind.PRACTICE_INSTITUTE, DemoData.JIANWAI, "建国门外大街永安里 8 号", 39.9080,
						116.4490, "周一至周五 8:30-17:30，周六 9:00-12:00", teams.elderly(), all()),
				station("朝外街道新时代文明实践所", StationKind.PRACTICE_INSTITUTE, DemoData.CHAOWAI, "朝阳门外大街吉祥里 5 号", 39.9225,
						116.4370, "周一至周五 9:00-17:00", teams.youth(),
						new Checklist(true, true, true, true, true, false)),
				station("永安里社区新时代文明实践站", StationKind.PRACTICE_STATION, DemoData.YONGANLI, "永安里东区 12 号楼底商", 39.9069,
						116.4502, "周二至周日 9:00-18:00", teams.elderly(), all()),
				station("建外街道社区养老服务驿站志愿服务站点", StationKind.SERVICE_POINT, DemoData.JIANWAI, "建外街道社区养老服务驿站", 39.9087,
						116.4445, "每天 10:00-14:00（助餐时段）", teams.elderly(),
						new Checklist(true, true, true, false, false, true)),
				station("国贸地铁站志愿服务岗", StationKind.SERVICE_POINT, DemoData.JIANWAI, "国贸地铁站 A 口", 39.9085, 116.4572,
						"工作日 7:30-9:30，17:00-19:30", null, new Checklist(true, true, true, true, false, true)),
				station("吉祥里社区志愿服务站", StationKind.SERVICE_POINT, DemoData.CHAOWAI, "吉祥里社区居委会一层", 39.9232, 116.4398,
						"周一至周五 9:00-17:00", null, new Checklist(true, true, false, false, true, false)));
		for (NewStation station : all) {
			this.stations.create(district, station, "demo-station:" + station.name());
		}
	}

	private static NewStation station(String name, StationKind kind, String regionCode, String address, double lat,
			double lng, String openingHours, UUID organizationId, Checklist checklist) {
		return new NewStation(name, kind, regionCode, address, lat, lng, openingHours, organizationId, checklist);
	}

	private static Checklist all() {
		return new Checklist(true, true, true, true, true, true);
	}

}
