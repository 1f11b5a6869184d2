package org.zhiyuan.commendation;

import java.util.List;

/**
 * The honour roll (光荣榜) of a region: the awards of the region and the regions below it.
 */
public record Honours(String regionCode, List<AwardView> awards) {

}
