package org.zhiyuan.account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zhiyuan.shared.FieldProblem;

/**
 * The password rule: 8 to 64 characters, at most 72 bytes (what the hash reads), with at
 * least one letter and one digit.
 */
public final class Passwords {

	private Passwords() {
	}

	public static List<FieldProblem> problems(String field, String password) {
		List<FieldProblem> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add(new FieldProblem(field, "validation.required"));
			return problems;
		}
		if (password.length() < 8 || password.length() > 64 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
			problems.add(new FieldProblem(field, "validation.password.length"));
		}
		else if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
			problems.add(new FieldProblem(field, "validation.password.strength"));
		}
		return problems;
	}

}
