package org.zhiyuan.record;

/**
 * Whether a record still holds its original hours or an approved amendment changed them.
 */
public enum RecordStatus {

	ORIGINAL, AMENDED

}
