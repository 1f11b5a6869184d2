package org.zhiyuan.system;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.TestDatabases;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The operational surface: health, metrics, API docs, the scheduler and the database
 * settings.
 */
class PlatformApiTests extends ApiTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void healthIsPublicAndMetricsAreForOperators() {
		Response health = this.api.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(this.api.get("/actuator/prometheus").status()).isEqualTo(401);
		Response metrics = this.api.signIn("admin", ADMIN_PASSWORD).get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void publishesTheOpenApiDocumentAndSwaggerUi() {
		Response docs = this.api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/auth/token")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/regions/{code}")).isTrue();
		assertThat(this.api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void givesEveryOperationAStableUniqueIdAndItsModulesTag() {
		var docs = this.api.get("/v3/api-docs").json();
		assertThat(docs.get("info").get("license").get("identifier").asString()).isEqualTo("Apache-2.0");
		java.util.Set<String> ids = new java.util.HashSet<>();
		java.util.List<String> problems = new java.util.ArrayList<>();
		for (var path : docs.get("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				var id = operation.getValue().get("operationId");
				String where = operation.getKey() + " " + path.getKey();
				if (id == null || id.asString().isBlank()) {
					problems.add(where + ": no operationId");
					continue;
				}
				if (id.asString().matches(".*_[0-9]+$")) {
					problems.add(where + ": numbered operationId " + id.asString());
				}
				if (!ids.add(id.asString())) {
					problems.add(where + ": operationId used twice " + id.asString());
				}
				var tags = operation.getValue().get("tags");
				if (tags == null || tags.size() != 1) {
					problems.add(where + ": not one module tag");
				}
			}
		}
		assertThat(ids).contains("activityPublish");
		var paths = docs.get("paths");
		assertThat(paths.get("/api/v1/certificates/{number}/verification").get("get").get("security").size())
			.as("anonymous verification declares no security")
			.isZero();
		assertThat(paths.get("/api/v1/regions/{code}").get("get").get("security").size()).isZero();
		var pdf = paths.get("/api/v1/certificates/{number}/pdf").get("get").get("responses").get("200").get("content");
		assertThat(pdf.has("application/pdf")).isTrue();
		assertThat(pdf.get("application/pdf").get("schema").get("format").asString()).isEqualTo("binary");
		assertThat(paths.get("/api/v1/volunteers/me")
			.get("get")
			.get("responses")
			.get("200")
			.get("content")
			.has("application/json")).as("JSON answers are declared as application/json, not */*").isTrue();
		assertThat(paths.get("/api/v1/volunteers/me").get("get").has("security"))
			.as("a signed-in operation keeps the document's bearer requirement")
			.isFalse();
		assertThat(problems).isEmpty();
	}

	@Test
	void answersEveryListAsAPage() {
		var paths = this.api.get("/v3/api-docs").json().get("paths");
		java.util.Set<String> referenceData = java.util.Set.of("/api/v1/regions", "/api/v1/regions/{code}/children");
		java.util.List<String> bareArrays = new java.util.ArrayList<>();
		for (var path : paths.properties()) {
			var get = path.getValue().get("get");
			if (!path.getKey().startsWith("/api/v1/") || get == null || referenceData.contains(path.getKey())) {
				continue;
			}
			var ok = get.get("responses").get("200");
			var json = (ok != null && ok.get("content") != null) ? ok.get("content").get("application/json") : null;
			var schema = (json != null) ? json.get("schema") : null;
			if (schema != null && schema.get("type") != null && schema.get("type").toString().contains("array")) {
				bareArrays.add(path.getKey() + " (" + get.get("operationId").asString() + ")");
			}
		}
		assertThat(bareArrays).as("lists answer {items, page, size, total}, not a bare array").isEmpty();
		var page = paths.get("/api/v1/records/{id}/amendments").get("get");
		assertThat(page.get("parameters").toString()).contains("\"page\"").contains("\"size\"");
	}

	@Test
	void registersRecurringWorkWithTheDatabaseScheduler() {
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'purge-expired-sessions'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theEmbeddedDatabaseWritesEveryCommitThrough() {
		assumeFalse(TestDatabases.isPostgres(), "an H2 setting");
		assertThat(this.jdbc
			.sql("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")
			.query(String.class)
			.single()).isEqualTo("0");
	}

}
