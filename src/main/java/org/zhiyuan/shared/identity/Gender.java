package org.zhiyuan.shared.identity;

/**
 * The gender that an identity document number encodes.
 */
public enum Gender {

	MALE, FEMALE

}
