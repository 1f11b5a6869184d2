package org.zhiyuan.emergency;

/**
 * Where a called volunteer stands: called and not yet answered, accepted within the
 * numbers needed, accepted beyond them (in reserve, in the order they came), or declined.
 */
public enum CallStatus {

	NOTIFIED, ACCEPTED, RESERVE, DECLINED

}
