/**
 * Points (积分) and rewards (礼遇回馈): points issued for counted service by the rules of the
 * region where it was done, in lots that expire (the oldest spent first), and a catalogue
 * of rewards per region whose stock is never oversold, redeemed for a code that the
 * merchant checks on a page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"volunteer", "activity", "record", "notification" })
package org.zhiyuan.points;
