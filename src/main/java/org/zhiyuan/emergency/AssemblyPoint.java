package org.zhiyuan.emergency;

/** An assembly point of a plan: a name and where it is (WGS 84 degrees). */
public record AssemblyPoint(String name, Double lat, Double lng) {

}
