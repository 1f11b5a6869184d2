/**
 * Each region's settings, inherited from the region above where it sets none: which
 * activities wait for the operators' review before they recruit, the hours for stars 1 to
 * 5, and the population that the dashboards' ratios use.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit" })
package org.zhiyuan.regionsettings;
