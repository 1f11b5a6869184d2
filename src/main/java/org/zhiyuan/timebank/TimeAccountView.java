package org.zhiyuan.timebank;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A volunteer's time account: the spendable balance and the region's cap, and the hours
 * deposited (net of corrections), spent on services done ({@code withdrawn}), swept to
 * the donation pool above the cap, given and received; {@code owed} is what corrections
 * could not take back, settled by the next deposits; {@code held} the hours of services
 * ordered and not yet done, out of the balance until they are done or cancelled;
 * {@code transferredIn} and {@code transferredOut} the hours that came with a transfer
 * package from another installation and that the volunteer moved to another. An account
 * nothing has moved yet reads as zeros.
 */
public record TimeAccountView(UUID volunteerId, BigDecimal balance, BigDecimal cap, BigDecimal deposited,
		BigDecimal withdrawn, BigDecimal giftedIn, BigDecimal giftedOut, BigDecimal donated, BigDecimal owed,
		BigDecimal held, BigDecimal transferredIn, BigDecimal transferredOut) {

}
