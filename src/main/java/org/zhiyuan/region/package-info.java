/**
 * China's administrative divisions (GB/T 2260 codes, with streets and communities where
 * the data has them): lookup by code or name, parents and children, and whether one
 * region lies within another.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.zhiyuan.region;
