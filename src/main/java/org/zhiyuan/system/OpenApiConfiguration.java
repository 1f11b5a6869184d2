package org.zhiyuan.system;

import java.math.BigDecimal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, shown by Swagger UI at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// as DecimalText writes and reads them
		SpringDocUtils.getConfig()
			.replaceWithSchema(BigDecimal.class,
					new StringSchema().format("decimal").pattern("^-?[0-9]+(\\.[0-9]+)?$").example("2.50"));
	}

	@Bean
	OpenAPI zhiyuanOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Zhiyuan 志愿 API")
				.version("v1")
				.description("Volunteer service information system. Errors are RFC 9457 problem+json with a stable"
						+ " 'code'; messages follow Accept-Language (zh-CN default, en). Sign in with POST"
						+ " /api/v1/auth/token and send 'Authorization: Bearer <token>'.")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
