package org.zhiyuan.volunteer;

/** A person to call: an emergency contact. */
public record Contact(String name, String phone) {

}
