package org.zhiyuan.record;

/**
 * The result of recomputing a volunteer's chain of records: how many were checked and the
 * sequence of the first one whose hash, link or amendments do not match.
 */
public record ChainVerification(int checked, Integer brokenAtSequence, boolean intact) {

}
