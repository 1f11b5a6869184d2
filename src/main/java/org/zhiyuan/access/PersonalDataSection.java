package org.zhiyuan.access;

import java.util.List;

/**
 * One kind of data held on a person: its {@code name} (its key in the JSON download), its
 * {@code title} (the name of its sheet in the workbook, Chinese and English, at most 31
 * characters) and its rows, oldest first, each a record whose components are the columns.
 */
public record PersonalDataSection(String name, String title, List<?> rows) {

	public PersonalDataSection {
		rows = List.copyOf(rows);
	}

}
