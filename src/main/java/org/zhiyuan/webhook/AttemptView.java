package org.zhiyuan.webhook;

import java.time.OffsetDateTime;

/**
 * One attempt to deliver a message: when, the receiver's status code or the class of the
 * error (e.g. {@code HttpConnectTimeoutException}, {@code FORBIDDEN_ADDRESS}), and how
 * long it took.
 */
public record AttemptView(int attempt, OffsetDateTime at, Integer statusCode, String error, long durationMs) {

	public boolean succeeded() {
		return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
	}

}
