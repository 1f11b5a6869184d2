package org.zhiyuan.stats;

import java.math.BigDecimal;

/**
 * A region's headline figures. {@code registeredVolunteers} and {@code organizations} are
 * today's; {@code activeVolunteers}, {@code activities} and {@code totalHours} are the
 * period's. {@code population} is the one the region's settings give it (its own, never a
 * region's above) or, when it states none, the sum of its sub-regions' when each states
 * one ({@code populationSummed}), {@code registeredShare} registered volunteers per
 * resident ({@code null} without a population), against {@code goalShare}.
 * {@code building}: the figures are being built from the facts again (after an upgrade,
 * or by an operator's command) and may be short until that is done.
 */
public record Overview(String regionCode, String regionName, String period, long registeredVolunteers,
		long activeVolunteers, long organizations, long activities, BigDecimal totalHours, Long population,
		BigDecimal registeredShare, BigDecimal goalShare, boolean populationSummed, boolean building) {

	/** The goal of registered volunteers per resident (Zhengzhou's 15%). */
	public static final BigDecimal GOAL_SHARE = new BigDecimal("0.15");

}
