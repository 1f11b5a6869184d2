package org.zhiyuan.need;

/**
 * The step a need is late for: not dispatched, not accepted, or not done in time. The
 * region's operators see it flagged and may dispatch the need again.
 */
public enum NeedOverdue {

	DISPATCH, ACCEPTANCE, COMPLETION

}
