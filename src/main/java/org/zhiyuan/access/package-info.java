/**
 * Who the caller is and what they may see: roles scoped to a region or an organization,
 * and the one place that decides whether an actor may read or manage an object.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region" })
package org.zhiyuan.access;
