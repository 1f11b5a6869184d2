package org.zhiyuan.need;

/** A resident's self-registration, before any check. */
public record NewResident(String name, String phone, String password, String regionCode) {

}
