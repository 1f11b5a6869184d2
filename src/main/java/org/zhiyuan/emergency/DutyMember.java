package org.zhiyuan.emergency;

import java.util.UUID;

/** A member of an emergency team as its roster names them. */
public record DutyMember(UUID volunteerId, String name) {

}
