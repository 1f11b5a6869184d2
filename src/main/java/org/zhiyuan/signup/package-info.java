/**
 * Sign-ups and their waiting lists: prerequisites checked at sign-up, automatic or manual
 * approval, never more accepted than a position's capacity, promotion in order when a
 * place frees up, and cancellation by the volunteer or the organizer; several shifts, a
 * team leader's or guardian's group and an organizer's direct addition, each all or
 * nothing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"volunteer", "organization", "activity", "notification" })
package org.zhiyuan.signup;
