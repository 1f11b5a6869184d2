/**
 * Notifications to a person: kept in the platform to read in their own language, and
 * handed to further channels (SMS, WeChat) once the action that caused them has
 * committed.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access" })
package org.zhiyuan.notification;
