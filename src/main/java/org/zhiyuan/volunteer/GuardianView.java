package org.zhiyuan.volunteer;

import java.time.OffsetDateTime;

/** The guardian of a minor as shown: phone and ID number masked. */
public record GuardianView(String name, String phoneMasked, String idNumberMasked, OffsetDateTime consentedAt) {

}
