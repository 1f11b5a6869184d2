package org.zhiyuan.interop.web;

import java.time.Duration;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.interop.InstallationKeys;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The installation's public signing keys and their rotation. */
@RestController
@Tag(name = "Interoperability")
class InstallationKeyController {

	static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final InstallationKeys keys;

	InstallationKeyController(InstallationKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/.well-known/jwks.json", produces = { "application/jwk-set+json", "application/json" })
	@Operation(summary = "The installation's public signing keys (anyone)",
			description = "A JSON Web Key Set of EC P-256 keys (ES256), the newest first: it signs what the"
					+ " installation issues; the older ones stay for what they signed before a rotation.")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.contentType(JWK_SET)
			.body(this.keys.publicKeySet());
	}

	@PostMapping("/api/v1/installation-keys/rotation")
	@Operation(summary = "Rotate the installation's signing key (a national operator)",
			description = "A new key signs from now on; the ones before stay published for verification.")
	@ApiResponse(responseCode = "403", description = "Not a national operator")
	InstallationKeys.Rotated rotate(@AuthenticationPrincipal Actor actor) {
		return this.keys.rotate(actor);
	}

}
