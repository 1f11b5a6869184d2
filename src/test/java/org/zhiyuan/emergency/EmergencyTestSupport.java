package org.zhiyuan.emergency;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.support.Api;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the emergency tests share: volunteers with an emergency profile at a place,
 * skills, team membership, and a mobilization to launch at a scene in 西宁市.
 */
abstract class EmergencyTestSupport extends ApiTestSupport {

	/** The scene, in 西宁市. */
	static final double LAT = 36.62;

	static final double LNG = 101.78;

	@Autowired
	Organizations organizations;

	@Autowired
	JdbcClient jdbc;

	Api api(Person person) {
		return new Api("http://localhost:" + this.port).as(this.fixtures.tokenFor(person));
	}

	/** An adult volunteer of the region with the skill 急救 and a profile at the place. */
	Person aResponderAt(String region, double lat, double lng) {
		Person volunteer = this.fixtures.aVolunteerIn(region);
		profile(volunteer, lat, lng, List.of());
		return volunteer;
	}

	void profile(Person volunteer, double lat, double lng, List<Map<String, String>> qualifications) {
		Response response = api(volunteer).send("PUT", "/api/v1/me/emergency-profile",
				Map.of("homeLat", lat, "homeLng", lng, "readiness", "HIGH", "qualifications", qualifications));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	void withSkillsOnly(Person volunteer, String... skills) {
		this.jdbc.sql("DELETE FROM volunteer_attribute WHERE volunteer_id = :id AND kind = 'SKILL'")
			.param("id", volunteer.volunteerId())
			.update();
		for (String skill : skills) {
			this.jdbc
				.sql("INSERT INTO volunteer_attribute (volunteer_id, kind, attribute) VALUES (:id, 'SKILL', :skill)")
				.param("id", volunteer.volunteerId())
				.param("skill", skill)
				.update();
		}
	}

	/** The volunteer's birth date corrected: they are younger than registered. */
	void agedNow(Person volunteer, int years) {
		this.jdbc.sql("UPDATE volunteer SET birth_date = :birth WHERE id = :id")
			.param("id", volunteer.volunteerId())
			.param("birth", LocalDate.now(ZoneOffset.ofHours(8)).minusYears(years).plusDays(10))
			.update();
	}

	void joins(Team team, Person volunteer) {
		this.organizations.addMember(this.fixtures.actorOf(team.admin()), team.id(), volunteer.volunteerId(),
				MemberRole.MEMBER);
		this.organizations.acceptInvitation(this.fixtures.actorOf(volunteer), team.id());
	}

	static Map<String, Object> aMobilization(String region, List<Map<String, Object>> needs) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", region);
		body.put("title", "城区内涝抢险");
		body.put("location", Map.of("lat", LAT, "lng", LNG));
		body.put("radiusKm", 10);
		body.put("assembleAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(2).withNano(0).toString());
		body.put("assemblyPoint", Map.of("name", "中心广场北门", "lat", LAT + 0.001, "lng", LNG));
		body.put("needs", needs);
		body.put("drill", false);
		return body;
	}

	static Map<String, Object> need(String skill, int count) {
		return Map.of("skill", skill, "count", count);
	}

	String launch(Person operator, Map<String, Object> body, int notified) {
		Response launched = api(operator).post("/api/v1/emergency/mobilizations", body);
		assertThat(launched.status()).as(launched.body()).isEqualTo(201);
		assertThat(launched.json().get("notified").asInt()).isEqualTo(notified);
		return launched.json().get("id").asString();
	}

	List<UUID> called(String mobilization) {
		return this.jdbc.sql("SELECT volunteer_id FROM emergency_call WHERE mobilization_id = :id")
			.param("id", UUID.fromString(mobilization))
			.query(UUID.class)
			.list();
	}

	/** The first street of the district. */
	static String streetOf(String district) {
		return district + "100";
	}

}
