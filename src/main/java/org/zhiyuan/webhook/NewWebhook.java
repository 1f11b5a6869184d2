package org.zhiyuan.webhook;

import java.util.List;

/**
 * A webhook endpoint to register: its address (http or https), the events' dotted names,
 * and the region whose events (and those of the regions below) it gets; the region
 * defaults to the operator's.
 */
public record NewWebhook(String url, List<String> events, String regionCode) {

}
