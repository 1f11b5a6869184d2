/**
 * Wiring that the modules share: web security for pages and the API, languages, problem
 * responses, the database scheduler, the OpenAPI document and the home page.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "account", "apiclient" })
package org.zhiyuan.system;
