package org.zhiyuan.certificate;

/** Who asked for a certificate: the volunteer printing their own, or an organization. */
public enum IssuerKind {

	VOLUNTEER, ORGANIZATION

}
