package org.zhiyuan.region;

/**
 * One administrative division. {@code parentCode} is {@code null} only for the nation.
 */
public record Region(String code, String name, String parentCode, RegionLevel level) {

}
