/**
 * Who the caller is and what they may see: roles scoped to a region or an organization,
 * the one place that decides whether an actor may read or manage an object, and how each
 * module tells what it holds on a person for that person's own download.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region" })
package org.zhiyuan.access;
