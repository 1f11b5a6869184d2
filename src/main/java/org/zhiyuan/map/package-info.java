/**
 * Places for the map picker: where the platform's earlier activities were held (the
 * asking organization's first, then its region's) and, only when an operator configures
 * one, a geocoder asked by the server.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "activity", "region" })
package org.zhiyuan.map;
