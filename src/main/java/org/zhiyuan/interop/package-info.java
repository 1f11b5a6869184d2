/**
 * Interoperability (C17): the installation's signing keys, published as a JSON Web Key
 * Set at {@code /.well-known/jwks.json} for the installations and systems that verify
 * what this one signs, rotated by a national operator with the old keys kept for
 * verification.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "privacy", "region" })
package org.zhiyuan.interop;
