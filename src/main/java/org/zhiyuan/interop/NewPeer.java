package org.zhiyuan.interop;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A peer as registered: its name, its base address, and its JSON Web Key Set, as a JSON
 * object ({@code {"keys": [...]}}) or as the text of one (pasted on the page).
 */
@Schema(requiredProperties = { "name", "baseUrl", "jwks" })
public record NewPeer(@Schema(minLength = 1, maxLength = 100) String name, @Schema(minLength = 1, maxLength = 300,
		description = "The peer's issuer id, its public address, e.g. https://zhiyuan.example.gov.cn") String baseUrl,
		@Schema(types = {
				"object" },
				description = "The peer's JSON Web Key Set ({\"keys\": [...]}, its /.well-known/jwks.json): 1 to 20 public"
						+ " EC P-256 keys with ids") Object jwks){

}
