package org.zhiyuan.insurance;

import java.time.LocalDate;
import java.util.UUID;

/** A policy an organization's admin enters: who insures, its number, period and cover. */
public record NewPolicy(UUID organizationId, String insurer, String policyNumber, LocalDate startsOn, LocalDate endsOn,
		String coverage) {

}
