package org.zhiyuan.emergency;

/** The hazard an emergency plan is for. */
public enum Hazard {

	FLOOD, EARTHQUAKE, TYPHOON, FIRE, GEOLOGICAL, PUBLIC_HEALTH, OTHER

}
