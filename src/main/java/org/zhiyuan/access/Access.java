package org.zhiyuan.access;

/** What an actor wants to do with an object. */
public enum Access {

	/** See it, including the personal data it holds. */
	READ,

	/** Change it, or act on its behalf. */
	MANAGE

}
