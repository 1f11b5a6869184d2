/**
 * Outgoing webhooks (C17) after the Standard Webhooks specification: endpoints an
 * operator registers for a region and the events they subscribe to, messages written in
 * the transaction of the business change, delivered by db-scheduler on one instance with
 * the {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}
 * headers, retried for about three days, disabled on 410 or when the last retry fails,
 * logged attempt by attempt and replayable. Addresses in private, loopback and link-local
 * ranges are refused unless the installation allows them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "audit", "privacy",
		"region", "activity", "signup", "record", "volunteer", "organization", "notification" })
package org.zhiyuan.webhook;
