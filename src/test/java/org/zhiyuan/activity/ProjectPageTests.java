package org.zhiyuan.activity;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectPageTests extends ApiTestSupport {

	@Test
	void anAdminAddsAProjectThatTheLibraryShowsToEveryone() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api browser = browserOf(team.admin().username(), team.admin().password());
		String name = "社区助餐" + Identities.suffix();
		Response added = addProject(browser, team, name);
		assertThat(added.status()).isEqualTo(302);
		assertThat(added.header("Location")).endsWith("/organizations/" + team.id() + "/projects");
		String ofOrganization = this.api.get("/organizations/" + team.id() + "/projects").body();
		assertThat(ofOrganization).contains(name).contains("扶老").contains("街道级");
		assertThat(ofOrganization).as("the add form is for the organization's admins").doesNotContain("添加项目");
		assertThat(browser.get("/organizations/" + team.id() + "/projects").body()).contains("添加项目");
		Response library = this.api.get("/projects?regionCode=110105&field=ELDERLY_CARE&page=0");
		assertThat(library.status()).isEqualTo(200);
		assertThat(library.body()).contains(name).contains("/organizations/" + team.id());
		assertThat(this.api.get("/projects?field=ENVIRONMENT").body()).doesNotContain(name);
	}

	@Test
	void aProjectWithoutANameShowsTheProblemAndIsNotAdded() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		Api browser = browserOf(team.admin().username(), team.admin().password());
		Response invalid = addProject(browser, team, " ");
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("请修改下面标出的内容").contains("必填，最多 100 个字。");
		assertThat(this.api.get("/organizations/" + team.id() + "/projects").body()).contains("暂无记录");
	}

	@Test
	void anOperatorMarksABrandProjectThroughThePage() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String name = "品牌助老" + Identities.suffix();
		addProject(browserOf(team.admin().username(), team.admin().password()), team, name);
		String projectId = projectIdOf(team, name);
		Api operator = browserOf("admin", ADMIN_PASSWORD);
		assertThat(operator.get("/projects?regionCode=110105").body()).contains("/projects/" + projectId + "/brand");
		assertThat(this.api.get("/projects?regionCode=110105").body()).as("only operators see the form")
			.doesNotContain("/projects/" + projectId + "/brand");
		Response marked = operator.submitForm("/projects", "/projects/" + projectId + "/brand",
				Map.of("brand", "true"));
		assertThat(marked.status()).isEqualTo(302);
		assertThat(marked.header("Location")).endsWith("/projects");
		String brands = this.api.get("/projects?brand=true").body();
		assertThat(brands).contains(name);
		assertThat(brands.substring(brands.indexOf(name))).contains("品牌</span>");
		assertThat(this.api.get("/api/v1/projects?brand=true&size=200").json().get("items").findValuesAsString("id"))
			.contains(projectId);
	}

	@Test
	void anAnonymousVisitorCannotMarkABrand() {
		Team team = this.fixtures.anActiveTeamIn("110105");
		String name = "匿名不可" + Identities.suffix();
		addProject(browserOf(team.admin().username(), team.admin().password()), team, name);
		String projectId = projectIdOf(team, name);
		Response refused = this.api.submitForm("/projects", "/projects/" + projectId + "/brand",
				Map.of("brand", "true"));
		assertThat(refused.status()).isIn(302, 403);
		if (refused.status() == 302) {
			assertThat(refused.header("Location")).contains("/login");
		}
		assertThat(this.api.get("/projects?brand=true").body()).doesNotContain(name);
	}

	private Response addProject(Api browser, Team team, String name) {
		String page = "/organizations/" + team.id() + "/projects";
		return browser.submitForm(page, page,
				Map.of("name", name, "field", "ELDERLY_CARE", "level", "STREET", "description", "为独居老人送餐"));
	}

	private String projectIdOf(Team team, String name) {
		var items = this.api.get("/api/v1/projects?organizationId=" + team.id()).json().get("items");
		for (var item : items) {
			if (name.equals(item.get("name").asString())) {
				return item.get("id").asString();
			}
		}
		throw new AssertionError("no project named " + name);
	}

	private Api browserOf(String username, String password) {
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login", Map.of("username", username, "password", password));
		return browser;
	}

}
