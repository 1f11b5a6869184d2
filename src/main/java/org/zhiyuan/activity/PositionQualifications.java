package org.zhiyuan.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zhiyuan.shared.FieldProblem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The qualifications a position may require: codes of the platform's list
 * ({@link QualificationCatalog}), shown by their names in the reader's language.
 * Positions written before the list may still require a qualification by its name; such a
 * requirement is shown as written.
 */
@Service
public class PositionQualifications {

	static final int MAX_PER_POSITION = 10;

	static final int MAX_LENGTH = 100;

	private final ObjectProvider<QualificationCatalog> catalog;

	PositionQualifications(ObjectProvider<QualificationCatalog> catalog) {
		this.catalog = catalog;
	}

	/** The list, by code; empty when no module keeps one. */
	public List<QualificationCatalog.Code> all() {
		QualificationCatalog list = this.catalog.getIfAvailable();
		return (list != null) ? list.codes() : List.of();
	}

	/**
	 * The requirements' names in the language, by requirement: a code's name for a code
	 * of the list, any other requirement as written.
	 */
	public Map<String, String> namesIn(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		all().forEach((code) -> names.put(code.code(), code.nameIn(locale)));
		return names;
	}

	/**
	 * The requirements as codes of the list: a code as it is, the exact name of one (in
	 * Chinese or English) as its code. One that is neither is a problem of {@code field}
	 * naming it, unless the position already requires it ({@code kept}, written before
	 * the list). A list already refused for its size or an entry's length is returned as
	 * it is, and so is every list when no module keeps one.
	 */
	List<String> codes(List<String> requirements, Collection<String> kept, String field, List<FieldProblem> problems) {
		QualificationCatalog list = this.catalog.getIfAvailable();
		if (requirements == null || list == null || !wellFormed(requirements)) {
			return requirements;
		}
		Map<String, String> byCodeOrName = new LinkedHashMap<>();
		for (QualificationCatalog.Code code : list.codes()) {
			byCodeOrName.putIfAbsent(code.name(), code.code());
			if (code.nameEn() != null) {
				byCodeOrName.putIfAbsent(code.nameEn(), code.code());
			}
		}
		list.codes().forEach((code) -> byCodeOrName.put(code.code(), code.code()));
		List<String> codes = new ArrayList<>();
		for (String requirement : requirements) {
			String text = requirement.strip();
			String code = byCodeOrName.get(text);
			if (code == null && !kept.contains(text)) {
				problems.add(new FieldProblem(field, "validation.activity.qualificationCode", text));
				return requirements;
			}
			codes.add((code != null) ? code : text);
		}
		return codes.stream().distinct().toList();
	}

	/** Whether the list is within the limits of size and of each entry's length. */
	static boolean wellFormed(List<String> requirements) {
		return requirements.size() <= MAX_PER_POSITION
				&& requirements.stream().allMatch((q) -> q != null && !q.isBlank() && q.length() <= MAX_LENGTH);
	}

}
