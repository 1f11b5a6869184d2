package org.zhiyuan.interop;

/**
 * What an import did: how many records it appended, how many were already here from an
 * earlier import of the same records, and the installation that signed them.
 */
public record ImportOutcome(int imported, int alreadyPresent, String issuer) {

}
