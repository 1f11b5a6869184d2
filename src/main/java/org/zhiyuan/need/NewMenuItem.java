package org.zhiyuan.need;

import java.util.List;

import org.zhiyuan.shared.ServiceField;

/** A menu item as an organization's admin submits it, before any check. */
public record NewMenuItem(String title, ServiceField field, String description, List<String> regionCodes) {

}
