package org.zhiyuan.points;

/**
 * A reward just offered (or given a new key), with the key of its merchant's check page,
 * shown this once: only its digest is kept.
 */
public record OfferedReward(RewardView reward, String checkKey) {

}
