package org.zhiyuan.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's mistake is a clear problem+json answer in the client's language, never a
 * 500.
 */
class ProblemDetailsApiTests extends ApiTestSupport {

	@Test
	void answersInChineseByDefaultAndInEnglishWhenAsked() {
		Response chinese = this.api.get("/api/v1/regions/999999");
		assertThat(chinese.status()).isEqualTo(404);
		assertThat(chinese.header("Content-Type")).startsWith("application/problem+json");
		assertThat(chinese.problemCode()).isEqualTo("REGION_NOT_FOUND");
		assertThat(chinese.json().get("title").asString()).isEqualTo("未找到");
		assertThat(chinese.json().get("detail").asString()).isEqualTo("不存在代码为 999999 的行政区划。");
		assertThat(chinese.json().get("status").asInt()).isEqualTo(404);
		assertThat(chinese.json().get("type").asString()).isNotBlank();

		Response english = this.api.in("en-GB,en;q=0.8").get("/api/v1/regions/999999");
		assertThat(english.json().get("title").asString()).isEqualTo("Not found");
		assertThat(english.json().get("detail").asString()).isEqualTo("There is no region with the code 999999.");

		Response unsupported = this.api.in("fr-FR").get("/api/v1/regions/999999");
		assertThat(unsupported.json().get("title").asString()).isEqualTo("未找到");
	}

	@Test
	void reportsMalformedJsonAndWrongTypes() {
		Response broken = this.api.post("/api/v1/auth/token", "{\"username\": ");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.problemCode()).isEqualTo("MALFORMED_REQUEST");

		Api operator = this.api.signIn("admin", ADMIN_PASSWORD);
		Response wrongEnum = operator.post("/api/v1/staff", Map.of("username", "someone", "password", "Pass-word-1",
				"displayName", "某", "role", "EMPEROR", "regionCode", "110105"));
		assertThat(wrongEnum.status()).isEqualTo(400);
		assertThat(wrongEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("role");

		Response wrongNumber = operator.get("/api/v1/staff?page=abc");
		assertThat(wrongNumber.status()).isEqualTo(400);
		assertThat(wrongNumber.json().get("errors").get(0).get("field").asString()).isEqualTo("page");

		Response hugePage = operator.get("/api/v1/staff?size=100000");
		assertThat(hugePage.status()).isEqualTo(400);
		assertThat(hugePage.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
	}

	@Test
	void reportsMissingFieldsEachByName() {
		Response missing = this.api.in("en").post("/api/v1/auth/token", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.problemCode()).isEqualTo("VALIDATION_FAILED");
		assertThat(missing.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("username",
				"password");
		assertThat(missing.json().get("detail").asString()).startsWith("Some fields");
	}

	@Test
	void answersUnknownPathsAndMethodsAndMediaTypes() {
		Api operator = this.api.signIn("admin", ADMIN_PASSWORD);
		assertThat(operator.get("/api/v1/no-such-thing").problemCode()).isEqualTo("NOT_FOUND");
		Response wrongMethod = operator.send("DELETE", "/api/v1/regions/110105");
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.problemCode()).isEqualTo("METHOD_NOT_ALLOWED");
		Response xml = operator.postWithHeaders("/api/v1/auth/token", "<x/>", Map.of("Content-Type", "text/xml"));
		assertThat(xml.status()).isEqualTo(415);
	}

	@Test
	void hostileInputIsAClientErrorNotAFailure() {
		Api operator = this.api.signIn("admin", ADMIN_PASSWORD);
		for (String hostile : new String[] { "' OR 1=1 --", "<script>alert(1)</script>", "%00", "1e309",
				"😀".repeat(100) }) {
			Response response = this.api.post("/api/v1/auth/token", Map.of("username", hostile, "password", hostile));
			assertThat(response.status()).as(hostile).isBetween(400, 499);
			Response search = operator.get("/api/v1/regions?q="
					+ java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(search.status()).as(hostile).isIn(200, 400);
		}
	}

	@Test
	void answersADirectVisitToTheErrorPathAsNotFound() throws Exception {
		Response api = this.api.get("/error");
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.problemCode()).isEqualTo("NOT_FOUND");
		java.net.http.HttpResponse<String> browser = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/error"))
				.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(browser.statusCode()).isEqualTo(404);
		assertThat(browser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(browser.body()).contains("未找到");
	}

	@Test
	void thePagesShowAReadableErrorPage() {
		Response page = this.api.get("/regions/999999/children");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("不存在代码为 999999 的行政区划");
	}

}
