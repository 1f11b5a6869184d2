/**
 * Interoperability (C17): the installation's signing keys, published as a JSON Web Key
 * Set at {@code /.well-known/jwks.json} for the installations and systems that verify
 * what this one signs, rotated by a national operator with the old keys kept for
 * verification; a volunteer's signed transfer package (Open Badges 3.0 as a VC-JWT), the
 * installations whose packages this one trusts (peers), and the import of a package's
 * records with their provenance.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "audit", "privacy",
		"timebank", "region", "record", "volunteer", "activity", "organization" })
package org.zhiyuan.interop;
