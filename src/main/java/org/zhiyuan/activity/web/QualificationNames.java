package org.zhiyuan.activity.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zhiyuan.activity.PositionQualifications;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The qualifications of positions as pages show them, in the page's language: pages ask
 * {@code ${@qualificationNames.of(p.qualifications())}} for "急救证书、救生员证" and
 * {@code ${@qualificationNames.choices()}} for the list to pick from. The list is read
 * once per request.
 */
@Component("qualificationNames")
public class QualificationNames {

	private static final String NAMES = QualificationNames.class.getName() + ".names";

	private final PositionQualifications qualifications;

	QualificationNames(PositionQualifications qualifications) {
		this.qualifications = qualifications;
	}

	/**
	 * The requirements' names joined for reading: a code's name, any other requirement
	 * (of a position written before the list) as written.
	 */
	public String of(Collection<String> requirements) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = names(locale);
		List<String> shown = new ArrayList<>();
		requirements.forEach((r) -> shown.add(names.getOrDefault(r, r)));
		return String.join("en".equals(locale.getLanguage()) ? ", " : "、", shown);
	}

	/** The codes to pick from, with their names in the page's language. */
	public List<Choice> choices() {
		Locale locale = LocaleContextHolder.getLocale();
		return this.qualifications.all().stream().map((c) -> new Choice(c.code(), c.nameIn(locale))).toList();
	}

	/**
	 * The choices, and after them the requirements that are not on the list (of a
	 * position written before it), so that a form shows what a position requires.
	 */
	public List<Choice> choicesWith(Collection<String> requirements) {
		List<Choice> choices = new ArrayList<>(choices());
		requirements.stream()
			.filter((r) -> choices.stream().noneMatch((c) -> c.code().equals(r)))
			.forEach((r) -> choices.add(new Choice(r, r)));
		return choices;
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> names(Locale locale) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = NAMES + "." + locale.toLanguageTag();
		Object cached = (request != null) ? request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) : null;
		if (cached instanceof Map<?, ?> map) {
			return (Map<String, String>) map;
		}
		Map<String, String> names = this.qualifications.namesIn(locale);
		if (request != null) {
			request.setAttribute(key, names, RequestAttributes.SCOPE_REQUEST);
		}
		return names;
	}

	/** A code and its name to show. */
	public record Choice(String code, String name) {

	}

}
