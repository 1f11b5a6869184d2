package org.zhiyuan.system;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is part of the product: clients are generated from it. The copy in
 * {@code docs/openapi.json} is the one the build generates its test clients from (see
 * {@code GeneratedClientApiTests}), so it must be exactly what the server serves; and the
 * served document must pass a real OpenAPI validator without a single message.
 * <p>
 * After a change to the API, write the new copy with
 * {@code ./mvnw test -Dtest=OpenApiDocumentApiTests -Dzhiyuan.openapi.write=true
 * -Dzhiyuan.test.pg.skip=true} and commit it with the change.
 */
class OpenApiDocumentApiTests extends ApiTestSupport {

	static final Path COMMITTED = Path.of("docs", "openapi.json");

	@Test
	void servesTheCommittedDocument() throws IOException {
		Response served = this.api.get("/v3/api-docs");
		assertThat(served.status()).isEqualTo(200);
		String text = served.body().strip() + "\n";
		if (Boolean.getBoolean("zhiyuan.openapi.write")) {
			Files.writeString(COMMITTED, text, StandardCharsets.UTF_8);
		}
		JsonMapper json = JsonMapper.builder().build();
		JsonNode committed = json.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
		assertThat(json.readTree(text))
			.as("the document served differs from docs/openapi.json: write it anew with"
					+ " ./mvnw test -Dtest=OpenApiDocumentApiTests -Dzhiyuan.openapi.write=true"
					+ " -Dzhiyuan.test.pg.skip=true, and look at the difference before committing it")
			.isEqualTo(committed);
		assertThat(served.body()).as("the same bytes on every start: keys in order").isEqualTo(text.strip());
	}

	@Test
	void passesAnOpenApiValidatorWithoutAMessage() {
		String served = this.api.get("/v3/api-docs").body();
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = new OpenAPIParser().readContents(served, null, options);
		List<String> messages = (result.getMessages() != null) ? result.getMessages() : List.of();
		assertThat(messages).as("validator messages").isEmpty();
		assertThat(result.getOpenAPI()).isNotNull();
		assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
		assertThat(result.getOpenAPI().getPaths()).containsKey("/api/v1/auth/token");
	}

	@Test
	void namesNoServerFromTheRequestsHostHeader() throws IOException {
		String answer;
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write(("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example.com\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("evil.example.com");
		assertThat(this.api.get("/v3/api-docs").json().get("servers").get(0).get("url").asString()).isEqualTo("/");
	}

}
