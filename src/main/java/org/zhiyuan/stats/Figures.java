package org.zhiyuan.stats;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of one region by figure, key and period: what the rollups hold or what a
 * recount finds, so that the two compare cell by cell. A missing cell is zero.
 */
final class Figures {

	private final Map<Cell, BigDecimal> cells = new TreeMap<>();

	void add(Figure figure, Dim dim, String key, String period, BigDecimal value) {
		if (value == null || value.signum() == 0) {
			return;
		}
		Cell cell = new Cell(figure, dim, key, figure.periodic() ? period : "");
		this.cells.merge(cell, value, BigDecimal::add);
		if (this.cells.get(cell).signum() == 0) {
			this.cells.remove(cell);
		}
	}

	void add(Figure figure, Dim dim, String key, String period, long value) {
		add(figure, dim, key, period, BigDecimal.valueOf(value));
	}

	void addAll(Figures other) {
		other.cells.forEach((cell, value) -> add(cell.figure(), cell.dim(), cell.key(), cell.period(), value));
	}

	BigDecimal get(Cell cell) {
		return this.cells.getOrDefault(cell, BigDecimal.ZERO);
	}

	Map<Cell, BigDecimal> cells() {
		return this.cells;
	}

	/** One figure's value under one key in one period ({@code ""} for today's). */
	record Cell(Figure figure, Dim dim, String key, String period) implements Comparable<Cell> {

		@Override
		public int compareTo(Cell other) {
			int byFigure = this.figure.compareTo(other.figure);
			if (byFigure != 0) {
				return byFigure;
			}
			int byDim = this.dim.compareTo(other.dim);
			if (byDim != 0) {
				return byDim;
			}
			int byPeriod = this.period.compareTo(other.period);
			return (byPeriod != 0) ? byPeriod : this.key.compareTo(other.key);
		}

	}

}
