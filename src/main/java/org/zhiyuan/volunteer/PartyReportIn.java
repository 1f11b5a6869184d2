package org.zhiyuan.volunteer;

import java.time.LocalDate;
import java.util.UUID;

/** 在职党员到社区报到: a party member reported to a community, on a day. */
public record PartyReportIn(UUID id, String regionCode, String communityName, LocalDate reportedOn) {

}
