/**
 * Demo data behind the {@code zhiyuan.demo} switch: a realistic district with its
 * operators, so that a newcomer sees a living platform.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "account" })
package org.zhiyuan.demo;
