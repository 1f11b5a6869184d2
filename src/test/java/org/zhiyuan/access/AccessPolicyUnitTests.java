package org.zhiyuan.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessPolicyUnitTests {

	private static final Regions REGIONS = new Regions();

	private final List<Object> published = new ArrayList<>();

	private final AccessPolicy policy = new AccessPolicy(REGIONS, this.published::add);

	private final ScopedObject inJianwai = new ScopedObject("volunteer", "v1", UUID.randomUUID(), "110105001",
			Set.of());

	private final ScopedObject inHuangpu = new ScopedObject("volunteer", "v2", UUID.randomUUID(), "310101", Set.of());

	@Test
	void districtOperatorSeesItsStreetsButNotAnotherCity() {
		Actor chaoyang = actorWith(Grant.operatorOf("110105"));
		assertThat(this.policy.allows(chaoyang, Access.READ, this.inJianwai)).isTrue();
		assertThat(this.policy.allows(chaoyang, Access.MANAGE, this.inJianwai)).isTrue();
		assertThat(this.policy.allows(chaoyang, Access.READ, this.inHuangpu)).isFalse();
	}

	@Test
	void streetOperatorDoesNotSeeTheWholeDistrict() {
		Actor jianwai = actorWith(Grant.operatorOf("110105001"));
		assertThat(this.policy.allows(jianwai, Access.READ, this.inJianwai)).isTrue();
		assertThat(this.policy.allows(jianwai, Access.READ, ScopedObject.inRegion("volunteer", "v3", "110105002")))
			.isFalse();
		assertThat(this.policy.allows(jianwai, Access.READ, ScopedObject.inRegion("volunteer", "v4", "110105")))
			.isFalse();
	}

	@Test
	void provinceAndNationalOperatorsSeeEverythingBelow() {
		assertThat(this.policy.allows(actorWith(Grant.operatorOf("110000")), Access.READ, this.inJianwai)).isTrue();
		assertThat(this.policy.allows(actorWith(Grant.operatorOf("110000")), Access.READ, this.inHuangpu)).isFalse();
		assertThat(this.policy.allows(actorWith(Grant.operatorOf(Regions.NATIONAL)), Access.READ, this.inHuangpu))
			.isTrue();
	}

	@Test
	void auditorsReadButNeverManage() {
		Actor auditor = actorWith(Grant.auditorOf("110105"));
		assertThat(this.policy.allows(auditor, Access.READ, this.inJianwai)).isTrue();
		assertThat(this.policy.allows(auditor, Access.MANAGE, this.inJianwai)).isFalse();
	}

	@Test
	void organizationAdminsSeeTheirOrganizationsObjectsOnly() {
		UUID organization = UUID.randomUUID();
		Actor admin = actorWith(Grant.adminOf(organization));
		ScopedObject member = new ScopedObject("volunteer", "v5", UUID.randomUUID(), "310101", Set.of(organization));
		assertThat(this.policy.allows(admin, Access.MANAGE, member)).isTrue();
		assertThat(this.policy.allows(admin, Access.READ, this.inJianwai)).isFalse();
	}

	@Test
	void ownersSeeTheirOwnDataWithoutAnAuditEntry() {
		UUID me = UUID.randomUUID();
		Actor volunteer = new Actor(me, "13800000000", "某", Set.of(Grant.volunteer()));
		this.policy.check(volunteer, Access.READ, new ScopedObject("volunteer", "v6", me, "310101", Set.of()));
		assertThat(this.published).isEmpty();
	}

	@Test
	void refusesAndPublishesTheRefusalForAudit() {
		Actor volunteer = actorWith(Grant.volunteer());
		assertThatThrownBy(() -> this.policy.check(volunteer, Access.READ, this.inHuangpu))
			.isInstanceOfSatisfying(ProblemException.class, (ex) -> assertThat(ex.status()).isEqualTo(403));
		assertThat(this.published).singleElement().isInstanceOfSatisfying(PersonalDataAccessed.class, (event) -> {
			assertThat(event.allowed()).isFalse();
			assertThat(event.objectId()).isEqualTo("v2");
		});
	}

	@Test
	void anonymousCallersAreNeverAllowed() {
		assertThat(this.policy.allows(null, Access.READ, this.inJianwai)).isFalse();
	}

	private static Actor actorWith(Grant grant) {
		return new Actor(UUID.randomUUID(), "user", "某", Set.of(grant));
	}

}
