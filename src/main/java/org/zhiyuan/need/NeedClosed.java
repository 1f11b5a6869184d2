package org.zhiyuan.need;

import java.util.UUID;

/**
 * A need closed for good, published in the transaction that closes it: done (its service
 * recorded) or cancelled. Whatever was held for it, such as hours of the time bank, is
 * settled in the same transaction.
 *
 * @param needId the need
 * @param regionCode the need's region
 * @param done whether it was done rather than cancelled
 * @param byAccountId who closed it
 */
public record NeedClosed(UUID needId, String regionCode, boolean done, UUID byAccountId) {

}
