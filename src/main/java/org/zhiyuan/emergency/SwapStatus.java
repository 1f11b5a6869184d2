package org.zhiyuan.emergency;

/**
 * A duty swap: ASKED by the member on duty, AGREED by the other member, then APPROVED by
 * the team's leader (or a region operator), or DECLINED by either member or the leader.
 */
public enum SwapStatus {

	ASKED, AGREED, APPROVED, DECLINED

}
