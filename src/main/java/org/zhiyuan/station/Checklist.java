package org.zhiyuan.station;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standard checklist of a station: 有场所、有队伍、有项目、有设施、有制度、有标识. A station meets the
 * standard (达标) when it has all six.
 */
public record Checklist(boolean venue, boolean team, boolean projects, boolean facilities, boolean rules,
		boolean signage) {

	/** How many items the checklist has. */
	public static final int ITEMS = 6;

	/** How many of the six the station has. */
	public int met() {
		int met = 0;
		for (boolean item : asMap().values()) {
			met += item ? 1 : 0;
		}
		return met;
	}

	/** Whether the station has all six (达标). */
	public boolean complete() {
		return met() == ITEMS;
	}

	/** The items in their standard order, by name. */
	public Map<String, Boolean> asMap() {
		Map<String, Boolean> items = new LinkedHashMap<>();
		items.put("venue", this.venue);
		items.put("team", this.team);
		items.put("projects", this.projects);
		items.put("facilities", this.facilities);
		items.put("rules", this.rules);
		items.put("signage", this.signage);
		return items;
	}

}
