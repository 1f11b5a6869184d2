package org.zhiyuan.story;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share cards (Open Graph, WeChat): with {@code zhiyuan.public-url} set, the activity,
 * project showcase, story and commendation notice pages carry og:url and og:image built
 * from it; without it they carry the title and description but no address, and never one
 * taken from the request's Host header. The setting is read on each request, so the test
 * sets it for a moment on the shared context and takes it away again.
 */
class ShareCardPageTests extends ApiTestSupport {

	private static final String PUBLIC_URL = "https://zhiyuan.example.gov.cn";

	@Autowired
	ConfigurableEnvironment environment;

	private Api anonymous() {
		return new Api("http://localhost:" + this.port);
	}

	private String publishedStory(Team team, String district) {
		Api admin = this.api.as(this.fixtures.tokenFor(team.admin()));
		String id = admin.post("/api/v1/stories", StoryApiTests.story(team.id())).json().get("id").asString();
		admin.postMultipart("/api/v1/stories/" + id + "/images", "file", "a.png", StoryImages.png(600, 400), Map.of());
		admin.post("/api/v1/stories/" + id + "/submission", Map.of());
		this.api.as(this.fixtures.tokenFor(this.fixtures.anOperatorOf(district)))
			.post("/api/v1/stories/" + id + "/review", Map.of("decision", "PUBLISH"));
		return id;
	}

	@Test
	void withThePublicUrlTheCardsCarryAbsoluteAddressesFromIt() throws IOException {
		String district = "360123";
		Team team = this.fixtures.anActiveTeamIn(district);
		String story = publishedStory(team, district);
		String activity = this.fixtures.aRunningActivity(this.api, team).id();
		String project = this.api.as(this.fixtures.tokenFor(team.admin()))
			.post("/api/v1/projects",
					Map.of("organizationId", team.id().toString(), "name", "安义古村讲解", "field", "ELDERLY_CARE", "level",
							"COMMUNITY"))
			.json()
			.get("id")
			.asString();
		MapPropertySource configured = new MapPropertySource("share-card-test",
				Map.of("zhiyuan.public-url", PUBLIC_URL + "/"));
		this.environment.getPropertySources().addFirst(configured);
		try {
			String page = anonymous().get("/stories/" + story).body();
			assertThat(page).contains("<meta property=\"og:url\" content=\"" + PUBLIC_URL + "/stories/" + story + "\">")
				.contains("<meta property=\"og:type\" content=\"article\">")
				.containsPattern("<meta property=\"og:image\" content=\"" + PUBLIC_URL + "/stories/" + story
						+ "/images/[0-9a-f-]{36}\">")
				.contains("<meta property=\"og:description\" content=\"志愿者们为社区老人包饺子、理发、读报。\">");
			assertThat(anonymous().get("/activities/" + activity).body())
				.contains("<meta property=\"og:url\" content=\"" + PUBLIC_URL + "/activities/" + activity + "\">")
				.contains("<meta property=\"og:image\" content=\"" + PUBLIC_URL + "/img/share.png\">")
				.contains("<meta property=\"og:title\" content=\"社区助老服务");
			assertThat(anonymous().get("/projects/" + project + "/showcase").body()).contains(
					"<meta property=\"og:url\" content=\"" + PUBLIC_URL + "/projects/" + project + "/showcase\">");
			assertThat(anonymous().get("/oath").body())
				.contains("<meta property=\"og:url\" content=\"" + PUBLIC_URL + "/oath\">");
			assertThat(anonymous().get("/honours?regionCode=" + district).body())
				.contains(
						"<meta property=\"og:url\" content=\"" + PUBLIC_URL + "/honours?regionCode=" + district + "\">")
				.contains("<meta property=\"og:description\" content=\"表彰 0 项，星级志愿者 0 位，品牌项目 0 个。\">");
			assertThat(hostSpoofed("/stories/" + story)).contains(PUBLIC_URL + "/stories/" + story)
				.doesNotContain("attacker.example");
		}
		finally {
			this.environment.getPropertySources().remove("share-card-test");
		}
		Api.Download image = anonymous().download("/img/share.png");
		assertThat(image.status()).isEqualTo(200);
		assertThat(image.body()).startsWith(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body())).getWidth())
			.isGreaterThanOrEqualTo(300);
	}

	@Test
	void withoutThePublicUrlTheCardsCarryNoAddressAndNeverTheHostHeader() {
		String district = "360124";
		Team team = this.fixtures.anActiveTeamIn(district);
		String story = publishedStory(team, district);
		String page = anonymous().get("/stories/" + story).body();
		assertThat(page).contains("<meta property=\"og:title\" content=\"重阳节陪伴社区老人\">")
			.contains("<meta name=\"description\"")
			.doesNotContain("og:url")
			.doesNotContain("og:image")
			.doesNotContain("rel=\"canonical\"");
		String spoofed = hostSpoofed("/stories/" + story);
		assertThat(spoofed).contains("og:title").doesNotContain("attacker.example").doesNotContain("og:url");
	}

	/** The page as fetched with a forged Host and X-Forwarded-Host header. */
	private String hostSpoofed(String path) {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: attacker.example\r\nX-Forwarded-Host: attacker.example\r\n"
					+ "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			in.transferTo(body);
			String response = body.toString(StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 200");
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
