package org.zhiyuan.apiclient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' page of connected systems, in 石嘴山市 大武口区 (540202): registering a system
 * shows its secret once, which then gets a token; a bad form names its fields in the
 * page's language; rotating shows a new secret and the old one stops working; revoking
 * after the second press; the system's calls listed; another district's operator refused.
 */
class ApiClientPagesApiTests extends ApiTestSupport {

	private static final Pattern SECRET = Pattern.compile("id=\"client-secret\"[^>]*>([^<]+)</textarea>");

	private static final Pattern CLIENT_ID = Pattern.compile("id=\"issued-client-id\">([^<]+)<");

	private static final Pattern DETAILS = Pattern.compile("href=\"/clients/([0-9a-f-]{36})\"");

	private Api browser(Person person) {
		Api browser = new Api("http://localhost:" + this.port);
		Response signedIn = browser.submitForm("/login", "/login",
				Map.of("username", person.username(), "password", person.password()));
		assertThat(signedIn.status()).isEqualTo(302);
		return browser;
	}

	private static String group(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private int tokenStatus(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return this.api
			.postWithHeaders("/oauth2/token", "grant_type=client_credentials",
					Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic))
			.status();
	}

	@Test
	void anOperatorRegistersRotatesAndRevokesASystemOnThePage() {
		String district = "540202";
		Person operator = this.fixtures.anOperatorOf(district);
		Api browser = browser(operator);
		Response page = browser.get("/clients");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("对接系统").contains("读取统计数据").contains("stats:read").contains(district);
		assertThat(browser.get("/").body()).contains("href=\"/clients\"");

		Response bad = browser.submitForm("/clients", "/clients", Map.of("name", " ", "regionCode", district));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("请填写系统名称").contains("请至少选择一项权限范围").doesNotContain("id=\"client-secret\"");
		assertThat(browser.get("/clients?lang=en").body()).contains("Connected systems").contains("Read statistics");
		Response english = browser.submitForm("/clients", "/clients",
				Map.of("name", "x", "scopes", "stats:read", "regionCode", "649999"));
		assertThat(english.body()).contains("Choose an existing district, city, province or the nation.");
		browser.get("/clients?lang=zh-CN");

		Response created = browser.submitForm("/clients", "/clients", Map.of("name", "大武口区网格平台", "scopes", "stats:read",
				"regionCode", district, "key", "page-" + this.port + "-" + System.nanoTime()));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.body()).contains("请立即复制并妥善保存密钥").contains("只显示这一次").contains("大武口区网格平台");
		String clientId = group(CLIENT_ID, created.body());
		String secret = group(SECRET, created.body()).strip();
		assertThat(tokenStatus(clientId, secret)).isEqualTo(200);
		String id = group(DETAILS, created.body());
		assertThat(browser.get("/clients").body()).as("shown once").doesNotContain(secret).contains("大武口区网格平台");

		Response details = browser.get("/clients/" + id);
		assertThat(details.status()).isEqualTo(200);
		assertThat(details.body()).contains(clientId).contains("确定换新密钥").contains("确定吊销").doesNotContain(secret);

		Response rotated = browser.submitForm("/clients/" + id, "/clients/" + id + "/secret", Map.of());
		assertThat(rotated.status()).isEqualTo(200);
		String fresh = group(SECRET, rotated.body()).strip();
		assertThat(fresh).isNotEqualTo(secret);
		assertThat(tokenStatus(clientId, secret)).isEqualTo(401);
		assertThat(tokenStatus(clientId, fresh)).isEqualTo(200);

		String basic = Base64.getEncoder().encodeToString((clientId + ":" + fresh).getBytes(StandardCharsets.UTF_8));
		String token = this.api
			.postWithHeaders("/oauth2/token", "grant_type=client_credentials",
					Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic))
			.json()
			.get("access_token")
			.asString();
		assertThat(this.api.as(token).get("/api/v1/stats/overview?regionCode=" + district).status()).isEqualTo(200);
		assertThat(browser.get("/clients/" + id).body()).contains("GET /api/v1/stats/overview 200");
		assertThat(browser.get("/clients/" + id + "?lang=en").body()).contains("Calls").contains("Succeeded");
		browser.get("/clients?lang=zh-CN");

		Response revoked = browser.submitForm("/clients/" + id, "/clients/" + id + "/revocation", Map.of());
		assertThat(revoked.status()).isEqualTo(302);
		assertThat(browser.get("/clients/" + id).body()).contains("已吊销").doesNotContain("确定吊销");
		assertThat(tokenStatus(clientId, fresh)).isEqualTo(401);
		assertThat(this.api.as(token).get("/api/v1/stats/overview?regionCode=" + district).status()).isEqualTo(401);

		Api neighbour = browser(this.fixtures.anOperatorOf("540221"));
		assertThat(neighbour.get("/clients/" + id).status()).isEqualTo(403);
		assertThat(neighbour.get("/clients?regionCode=" + district).status()).isEqualTo(403);
	}

}
