package org.zhiyuan.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A webhook endpoint with its signing secret ({@code whsec_} and the base64 of 32 random
 * bytes), shown only in the answer to its registration or a rotation.
 */
public record CreatedWebhook(String secret, @JsonUnwrapped WebhookView webhook) {

}
