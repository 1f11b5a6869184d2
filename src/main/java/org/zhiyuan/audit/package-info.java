/**
 * The audit log: who did what to which object, when and from where, including every read
 * of another person's data. It holds references, never the personal data itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access" })
package org.zhiyuan.audit;
