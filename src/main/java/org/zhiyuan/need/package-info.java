/**
 * Residents and their needs (C12): residents (服务对象) register with far less than a
 * volunteer, organizations publish service menus (菜单式服务), residents order (点单), the
 * region's operators dispatch (派单), volunteers accept (接单), completion records their
 * service, and the resident rates it (评单), with timers that flag late steps.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"account", "privacy", "volunteer", "organization", "activity", "record", "notification", "station" })
package org.zhiyuan.need;
