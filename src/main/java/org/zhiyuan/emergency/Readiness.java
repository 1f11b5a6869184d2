package org.zhiyuan.emergency;

/** How readily a volunteer can set out when called. */
public enum Readiness {

	HIGH, NORMAL, LOW

}
