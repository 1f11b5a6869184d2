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
