/**
 * Service stations (新时代文明实践中心、所、站, 志愿服务站点): a registry with place, opening hours, the
 * organization running each and the standard checklist, and the public map.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "organization", "activity" })
package org.zhiyuan.station;
