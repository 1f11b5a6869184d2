package org.zhiyuan.access;

/**
 * Work waiting for the signed-in actor: its label (a message key), an optional detail
 * (such as the region or organization it counts, when the actor has several), how many
 * items wait, the page that lists them, and its place among the queues. A queue of staff
 * shows also when empty, so that the page reads the same every day.
 */
public record HomeQueue(String labelKey, String detail, long count, String link, int order) {

	public static HomeQueue of(String labelKey, long count, String link, int order) {
		return new HomeQueue(labelKey, null, count, link, order);
	}

	public HomeQueue withDetail(String detail) {
		return new HomeQueue(this.labelKey, detail, this.count, this.link, this.order);
	}

}
