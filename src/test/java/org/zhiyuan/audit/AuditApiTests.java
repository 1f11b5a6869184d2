package org.zhiyuan.audit;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.access.Access;
import org.zhiyuan.access.AccessPolicy;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.access.ScopedObject;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditApiTests extends ApiTestSupport {

	@Autowired
	AccessPolicy accessPolicy;

	@Autowired
	AuditLog auditLog;

	@Test
	void recordsEveryReadOfAnotherPersonsDataAllowedOrRefused() {
		Actor chaoyang = new Actor(UUID.randomUUID(), "op", "朝阳", Set.of(Grant.operatorOf("110105")));
		String allowedId = UUID.randomUUID().toString();
		String refusedId = UUID.randomUUID().toString();
		this.accessPolicy.check(chaoyang, Access.READ, ScopedObject.inRegion("volunteer", allowedId, "110105001"));
		assertThatThrownBy(() -> this.accessPolicy.check(chaoyang, Access.READ,
				ScopedObject.inRegion("volunteer", refusedId, "310101")))
			.isInstanceOf(ProblemException.class);
		assertThat(outcomesFor(allowedId)).containsExactly(AuditOutcome.SUCCESS);
		assertThat(outcomesFor(refusedId)).containsExactly(AuditOutcome.DENIED);
	}

	@Test
	void operatorsAndAuditorsReadTheLogOfTheirOwnRegionOnly() {
		String inChaoyang = UUID.randomUUID().toString();
		String inHuangpu = UUID.randomUUID().toString();
		this.auditLog.record(AuditRecord.of("test.event", null).on("thing", inChaoyang).inRegion("110105001"));
		this.auditLog.record(AuditRecord.of("test.event", null).on("thing", inHuangpu).inRegion("310101"));

		for (Person reader : new Person[] { this.fixtures.anOperatorOf("110105"),
				this.fixtures.anAuditorOf("110105") }) {
			Api api = this.api.signIn(reader.username(), reader.password());
			Response mine = api.get("/api/v1/audit-events?objectId=" + inChaoyang);
			assertThat(mine.status()).isEqualTo(200);
			assertThat(mine.json().get("total").asLong()).isEqualTo(1);
			assertThat(api.get("/api/v1/audit-events?objectId=" + inHuangpu).json().get("total").asLong()).isZero();
		}
		Api national = this.api.signIn("admin", ADMIN_PASSWORD);
		assertThat(national.get("/api/v1/audit-events?objectId=" + inHuangpu).json().get("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void volunteersCannotReadTheLog() {
		Person volunteer = this.fixtures.aVolunteer();
		Response refused = this.api.signIn(volunteer.username(), volunteer.password()).get("/api/v1/audit-events");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void theAuditPageListsEntries() {
		Person auditor = this.fixtures.anAuditorOf("110105");
		String objectId = UUID.randomUUID().toString();
		this.auditLog.record(AuditRecord.of("test.page", null).on("thing", objectId).inRegion("110105"));
		Api browser = new Api("http://localhost:" + this.port);
		browser.submitForm("/login", "/login",
				java.util.Map.of("username", auditor.username(), "password", auditor.password()));
		Response page = browser.get("/audit?action=test.page");
		assertThat(page.status()).isEqualTo(200);
		// the id is only in the link that narrows the log to the object, never shown
		assertThat(page.body().replaceAll("href=\"[^\"]*\"", "")).contains("#" + objectId.substring(0, 8))
			.doesNotContain(objectId);
	}

	private java.util.List<AuditOutcome> outcomesFor(String objectId) {
		return this.auditLog
			.search(new AuditQuery(null, null, "volunteer", objectId, null, null),
					Set.of(org.zhiyuan.region.Regions.NATIONAL), org.zhiyuan.shared.PageQuery.of(0, 10))
			.items()
			.stream()
			.map(AuditEntry::outcome)
			.toList();
	}

}
