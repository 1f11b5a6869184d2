package org.zhiyuan.record;

/**
 * A volunteer's chain of records in short: how many records it holds, the SHA-256 of the
 * last one (which covers every record before it), the Merkle root of all their hashes in
 * order, and whether the chain verified when the digest was taken.
 */
public record ChainDigest(int length, String headHash, String merkleRoot, boolean intact) {

}
