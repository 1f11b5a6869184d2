package org.zhiyuan.apiclient;

/**
 * A client with its secret, as shown once after registering it or rotating its secret.
 *
 * @param secret the secret in clear, or {@code null} when a repeated registration (the
 * same Idempotency-Key) returns the client registered before: its secret was shown then
 * and is not kept; a rotation gives a new one
 */
public record IssuedClient(ApiClientView client, String secret) {

}
