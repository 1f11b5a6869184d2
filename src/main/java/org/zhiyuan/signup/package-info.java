/**
 * Sign-ups and their waiting lists: prerequisites checked at sign-up, automatic or manual
 * approval, never more accepted than a position's capacity, promotion in order when a
 * place frees up, and cancellation by the volunteer or the organizer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"volunteer", "organization", "activity", "notification" })
package org.zhiyuan.signup;
