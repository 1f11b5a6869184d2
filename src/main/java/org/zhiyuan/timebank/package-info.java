/**
 * The time bank (时间银行): hours of eligible service deposited as time credits in a
 * double-entry ledger that never goes below zero and never counts twice, a storage cap
 * per region whose excess goes to the donation pool, relatives declared and confirmed,
 * hours given to them, and hours used for services, held until the service is done.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"volunteer", "activity", "record", "regionsettings", "notification", "need" })
package org.zhiyuan.timebank;
