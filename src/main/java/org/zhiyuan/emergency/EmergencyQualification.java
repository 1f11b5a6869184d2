package org.zhiyuan.emergency;

import java.time.LocalDate;

/** An emergency qualification a volunteer holds, valid until the day given. */
public record EmergencyQualification(QualificationKind kind, LocalDate validUntil) {

}
