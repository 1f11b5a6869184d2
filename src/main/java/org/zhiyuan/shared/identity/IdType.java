package org.zhiyuan.shared.identity;

/**
 * The identity documents a person may register with.
 */
public enum IdType {

	/** 居民身份证, the mainland resident identity card (GB 11643-1999). */
	RESIDENT_ID,

	/** 港澳台居民居住证, the residence permit for Hong Kong, Macao and Taiwan residents. */
	HMT_RESIDENCE_PERMIT,

	/** 港澳居民来往内地通行证, the Mainland travel permit for Hong Kong and Macao residents. */
	HK_MACAO_PERMIT,

	/** 台湾居民来往大陆通行证, the Mainland travel permit for Taiwan residents. */
	TAIWAN_PERMIT,

	/** 外国人永久居留身份证, the foreign permanent resident identity card. */
	FOREIGN_PERMANENT_RESIDENCE_ID,

	/** A passport of any country. */
	PASSPORT

}
