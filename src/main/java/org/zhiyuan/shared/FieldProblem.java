package org.zhiyuan.shared;

/**
 * One invalid field of a request: the field's path and the message key (with arguments)
 * that explains it in the caller's language. Serializable, because a page carries it to
 * the next page in the (database-stored) session; its arguments are texts and numbers.
 */
public record FieldProblem(String field, String messageKey, Object... args) implements java.io.Serializable {

}
