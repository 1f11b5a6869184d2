package org.zhiyuan.record;

/**
 * How a record came about: a QR check-in and check-out, manual entry by the organization,
 * an import, or the completion of a resident's need that the volunteer accepted (接单),
 * where the acceptance stands for the sign-up, or an emergency mobilization, from the
 * muster at the assembly point to the stand-down, or a transfer from another installation
 * that signed it ({@code TRANSFER}): those keep their provenance there and are never
 * amended here.
 */
public enum RecordMethod {

	QR, MANUAL, IMPORT, NEED, EMERGENCY, TRANSFER

}
