/**
 * Value types and error conventions that every module shares: identifiers, pages of
 * results and the problem exceptions that the web layer turns into problem+json.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.zhiyuan.shared;
