package org.zhiyuan.shared;

/**
 * One invalid field of a request: the field's path and the message key (with arguments)
 * that explains it in the caller's language.
 */
public record FieldProblem(String field, String messageKey, Object... args) {

}
