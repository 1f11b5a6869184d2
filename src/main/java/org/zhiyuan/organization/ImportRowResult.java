package org.zhiyuan.organization;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.shared.FieldProblem;

/** The outcome of one spreadsheet row, with every problem of a failed row. */
public record ImportRowResult(int rowNumber, ImportOutcome outcome, UUID volunteerId, List<FieldProblem> problems) {

}
