/**
 * Service record certificates (志愿服务记录证明): issuing signed PDFs from the records, the
 * registry of issued certificates, revocation, organization seals, and public
 * verification.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "audit", "privacy",
		"volunteer", "organization", "record", "notification", "training", "evaluation", "commendation" })
package org.zhiyuan.certificate;
