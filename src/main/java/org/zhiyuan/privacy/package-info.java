/**
 * Personal data protection by design: ID numbers and other sensitive strings are sealed
 * with authenticated encryption at rest and found again through a keyed blind index.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.zhiyuan.privacy;
