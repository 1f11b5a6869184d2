package org.zhiyuan.record;

/**
 * How a record came about: a QR check-in and check-out, manual entry by the organization,
 * or an import.
 */
public enum RecordMethod {

	QR, MANUAL, IMPORT

}
