package org.zhiyuan.station;

/** Whether a station receives people; a closed one is kept, off the map. */
public enum StationStatus {

	OPEN, CLOSED

}
