package org.zhiyuan.emergency;

/**
 * A wave of calls: its number (the waves that called someone) and how many it called.
 */
public record Wave(int wave, int called) {

}
