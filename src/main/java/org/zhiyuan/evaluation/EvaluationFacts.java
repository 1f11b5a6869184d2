package org.zhiyuan.evaluation;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The organizations' evaluations of some service records, for a document that states them
 * (a certificate): the stars per evaluated record, how many there are and their average
 * (one decimal, {@code null} when there is none).
 */
public record EvaluationFacts(Map<UUID, Integer> starsByRecord, int count, BigDecimal average) {

	public EvaluationFacts {
		starsByRecord = Map.copyOf(starsByRecord);
	}

}
