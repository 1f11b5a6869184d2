package org.zhiyuan.interop;

import java.math.BigDecimal;

/**
 * What an import did: how many records it appended, how many were already here from an
 * earlier import of the same records, the installation that signed them, and the
 * time-bank hours it credited to the volunteer's time account (0.00 when the package
 * carries none, or when they were credited by an earlier import).
 */
public record ImportOutcome(int imported, int alreadyPresent, String issuer, BigDecimal timeBankHours) {

}
