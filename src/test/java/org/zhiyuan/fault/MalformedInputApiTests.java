package org.zhiyuan.fault;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.fault.Field.Kind;
import org.zhiyuan.fault.Scene.Activity;
import org.zhiyuan.fault.Scene.Recorded;
import org.zhiyuan.insurance.InsuredSheet;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.organization.VolunteerImports;
import org.zhiyuan.support.Identities;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.fault.Caller.ANONYMOUS;
import static org.zhiyuan.fault.Caller.NATIONAL_OPERATOR;
import static org.zhiyuan.fault.Caller.OPERATOR;
import static org.zhiyuan.fault.Caller.ORG_ADMIN;
import static org.zhiyuan.fault.Caller.VOLUNTEER;
import static org.zhiyuan.fault.Field.code;
import static org.zhiyuan.fault.Field.coordinate;
import static org.zhiyuan.fault.Field.date;
import static org.zhiyuan.fault.Field.decimal;
import static org.zhiyuan.fault.Field.enumeration;
import static org.zhiyuan.fault.Field.flag;
import static org.zhiyuan.fault.Field.id;
import static org.zhiyuan.fault.Field.integer;
import static org.zhiyuan.fault.Field.list;
import static org.zhiyuan.fault.Field.nonNegative;
import static org.zhiyuan.fault.Field.object;
import static org.zhiyuan.fault.Field.phone;
import static org.zhiyuan.fault.Field.region;
import static org.zhiyuan.fault.Field.text;
import static org.zhiyuan.fault.Field.time;
import static org.zhiyuan.fault.Scene.REASON;
import static org.zhiyuan.fault.Scene.REGION;
import static org.zhiyuan.fault.Scene.STREET;

/**
 * Every write endpoint of the API gets a stream of malformed, oversized, wrongly typed
 * and hostile requests (see {@link Spoiler} and {@link Field}), sent by a caller who may
 * call it, so that validation and not authorization answers: none may fail with a 5xx,
 * each must be refused with problem+json and a {@code code}, and the database must not
 * change (see {@link DatabaseSnapshot} for what is left out). The valid request the
 * stream is made from is sent last and must succeed, so that the refusals are the spoiled
 * values' doing. An endpoint missing from the table fails
 * {@link #knowsEveryWriteEndpoint}: add its row.
 * <p>
 * The sample is drawn with a fixed seed ({@code -Dzhiyuan.fault.seed=…} draws another)
 * and bounded per endpoint ({@code -Dzhiyuan.fault.requests=…}). Background jobs are
 * paused meanwhile, so that only the requests could change the database.
 */
class MalformedInputApiTests extends ApiTestSupport {

	private static final long SEED = Long.getLong("zhiyuan.fault.seed", 20260301L);

	private static final int REQUESTS_PER_ENDPOINT = Integer.getInteger("zhiyuan.fault.requests", 40);

	private static final Map<String, Object> AT_THE_SITE = Map.of("lat", 39.9088, "lng", 116.4446, "accuracyMeters",
			15);

	/** A location within China, as the emergency requests take it. */
	private static final Field CHINA_POINT = object("location", coordinate("lat", 3, 54).required(),
			coordinate("lng", 73, 136).required());

	private static final Field[] CHECK_IN = { code("code", 100).requiredUnlessOtherForm(),
			object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required(),
					nonNegative("accuracyMeters"))
				.required() };

	private static final Field[] MANUAL_ENTRY = { id("volunteerId").required(), time("at", Kind.NEAR_TIME),
			text("reason", 500).required() };

	/** A station as an operator enters or changes it. */
	private static final Field[] STATION = { text("name", 100).required(), enumeration("kind").required(),
			region("regionCode").required(), text("address", 200).required(),
			object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required()).required(),
			text("openingHours", 200).required(), id("organizationId"),
			object("checklist", flag("venue").required(), flag("team").required(), flag("projects").required(),
					flag("facilities").required(), flag("rules").required(), flag("signage").required())
				.required() };

	/** An emergency plan's fields, as written and as changed. */
	private static final Field[] PLAN = { text("name", 100).required(), enumeration("hazard").required(),
			text("description", 1000), integer("radiusKm", 1, 200).required(),
			list("needs",
					object("need", text("skill", 60).required(), integer("count", 1, 10_000).required(),
							enumeration("qualification")),
					1, 20)
				.required(),
			list("teamIds", id("teamId"), 0, 20),
			list("assemblyPoints", object("assemblyPoint", text("name", 100).required(),
					coordinate("lat", 3, 54).required(), coordinate("lng", 73, 136).required()), 1, 5)
				.required() };

	private static Field[] withRegion(Field[] fields) {
		Field[] all = new Field[fields.length + 1];
		all[0] = region("regionCode").required();
		System.arraycopy(fields, 0, all, 1, fields.length);
		return all;
	}

	/** The check-in code's other form: the activity and the code's short form. */
	private static final Field[] SHORT_CODE = { id("activityId"), code("shortCode", 12) };

	/**
	 * Every write endpoint, who calls it, on what, and the shape of its body: what the
	 * server accepts, which the OpenAPI document must say too (see
	 * {@link DocumentedRequestsApiTests}).
	 */
	static final List<Row> TABLE = List.of(
			// accounts
			row("POST /api/v1/auth/token").as(ANONYMOUS)
				.on((s) -> Target.none()
					.body(Map.of("username", s.volunteer().username(), "password", Fixtures.PASSWORD)))
				.body(code("username", 64).required(), text("password", 128).required()),
			row("POST /api/v1/auth/password-reset").as(ANONYMOUS)
				.on((s) -> Target.none().body(Map.of("phone", Identities.phone())))
				.body(phone("phone").required()),
			row("POST /api/v1/auth/password-reset/confirm").as(ANONYMOUS)
				.on((s) -> Target.none().body(s.passwordResetBody()))
				.body(phone("phone").required(), code("code", 6).required(), text("newPassword", 64).required()),
			row("POST /api/v1/accounts/me/password").as(VOLUNTEER)
				.on((s) -> Target.none()
					.body(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "Changed-pass-2026"))
					.playing(VOLUNTEER, s.volunteer()))
				.body(code("currentPassword", 128).required(), text("newPassword", 64).required()),
			row("POST /api/v1/staff").as(OPERATOR)
				.on((s) -> Target.none()
					.body(Map.of("username", Fixtures.uniqueUsername("audit"), "password", "Staff-pass-2026",
							"displayName", "故障测试审计员", "role", "AUDITOR", "regionCode", REGION)))
				.body(code("username", 64).required(), text("password", 64).required(),
						text("displayName", 100).required(), enumeration("role").required(),
						region("regionCode").required()),
			// volunteers
			row("POST /api/v1/volunteers").as(ANONYMOUS)
				.on((s) -> Target.none().body(AuthorizationMatrixApiTests.registration()))
				.body(text("name", 50).required(), enumeration("idType").required(), code("idNumber", 40).required(),
						date("birthDate", Kind.DATE), enumeration("gender"), phone("phone").required(),
						text("password", 64).required(), region("regionCode").required(),
						list("skills", text("skill", 30).required(), 0, 20),
						object("consents", code("privacyPolicy", 20).required(), flag("oath").required()).required())
				.otherForm(object("guardian", text("name", 50).required(), phone("phone").required(),
						code("idNumber", 40).required())),
			row("PUT /api/v1/volunteers/me/profile").as(VOLUNTEER)
				.on((s) -> Target.none().body(AuthorizationMatrixApiTests.profile()).playing(VOLUNTEER, s.volunteer()))
				.body(region("regionCode").required(), list("categories", enumeration("category"), 0, 8),
						list("fields", enumeration("field"), 0, 14),
						list("skills", text("skill", 30).required(), 0, 20),
						list("languages", text("language", 30).required(), 0, 20),
						list("availability", enumeration("slot"), 0, 21),
						object("emergencyContact", text("name", 50).required(), phone("phone").required())),
			row("POST /api/v1/volunteers/me/qualifications").as(VOLUNTEER)
				.on((s) -> Target.none()
					.body(Map.of("name", "急救员证", "issuer", "红十字会", "expiresOn",
							LocalDate.now().plusYears(2).toString()))
					.playing(VOLUNTEER, s.volunteer()))
				.body(text("name", 100).required(), text("issuer", 100), date("expiresOn", Kind.DATE)),
			row("DELETE /api/v1/volunteers/me/qualifications/{qualificationId}").as(VOLUNTEER).on((s) -> {
				Person volunteer = s.volunteer();
				return Target.of("qualificationId", s.qualification(volunteer)).playing(VOLUNTEER, volunteer);
			}),
			row("POST /api/v1/volunteers/{id}/qualifications/{qualificationId}/confirmation").as(ORG_ADMIN).on((s) -> {
				Person member = s.memberOf(s.team());
				return Target.of("id", member.volunteerId()).and("qualificationId", s.qualification(member));
			}),
			row("POST /api/v1/volunteers/me/invitations/{organizationId}/acceptance").as(VOLUNTEER)
				.on((s) -> Target.of("organizationId", s.team().id()).playing(VOLUNTEER, s.invitedTo(s.team()))),
			row("POST /api/v1/volunteers/me/invitations/{organizationId}/declination").as(VOLUNTEER)
				.on((s) -> Target.of("organizationId", s.team().id()).playing(VOLUNTEER, s.invitedTo(s.team()))),
			row("POST /api/v1/volunteers/me/party-report-ins").as(VOLUNTEER)
				.on((s) -> Target.none()
					.body(Map.of("regionCode", STREET, "communityName", "建外街道某社区", "reportedOn",
							LocalDate.now().minusDays(3).toString()))
					.playing(VOLUNTEER, s.volunteer()))
				.body(region("regionCode").required(), text("communityName", 100).required(),
						date("reportedOn", Kind.PAST_DATE).required()),
			row("POST /api/v1/volunteers/me/deregistration").as(VOLUNTEER)
				.on((s) -> Target.none().body(Map.of("password", Fixtures.PASSWORD)).playing(VOLUNTEER, s.volunteer()))
				.body(code("password", 128).required()),
			// organizations
			row("POST /api/v1/organizations").as(VOLUNTEER)
				.on((s) -> Target.none()
					.body(AuthorizationMatrixApiTests.application())
					.playing(VOLUNTEER, s.volunteer()))
				.body(text("name", 100).required(), enumeration("type").required(), code("creditCode", 40),
						region("regionCode").required(), id("parentId"), list("fields", enumeration("field"), 0, 17),
						text("contactName", 50), phone("contactPhone"), text("description", 2000)),
			row("POST /api/v1/organizations/{id}/approve").as(OPERATOR)
				.on((s) -> Target.of("id", s.pendingTeam().id())),
			row("POST /api/v1/organizations/{id}/reject").as(OPERATOR)
				.on((s) -> Target.of("id", s.pendingTeam().id()).body(reason()))
				.body(text("reason", 500).required()),
			row("POST /api/v1/organizations/{id}/warnings").as(OPERATOR)
				.on((s) -> Target.of("id", s.newTeam().id()).body(reason()))
				.body(text("reason", 500).required()),
			row("POST /api/v1/organizations/{id}/suspend").as(OPERATOR)
				.on((s) -> Target.of("id", s.newTeam().id()).body(reason()))
				.body(text("reason", 500).required()),
			row("POST /api/v1/organizations/{id}/reinstate").as(OPERATOR)
				.on((s) -> Target.of("id", s.suspendedTeam().id()).body(reason()))
				.body(text("reason", 500).required()),
			row("POST /api/v1/organizations/{id}/close").as(OPERATOR)
				.on((s) -> Target.of("id", s.newTeam().id()).body(reason()))
				.body(text("reason", 500).required(), id("successorId")),
			row("POST /api/v1/organizations/{id}/members").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.team().id())
					.body(Map.of("volunteerId", s.volunteer().volunteerId().toString(), "role", "MEMBER")))
				.body(id("volunteerId").required(), enumeration("role").required()),
			row("POST /api/v1/organizations/{id}/join-requests").as(VOLUNTEER)
				.on((s) -> Target.of("id", s.team().id()).playing(VOLUNTEER, s.volunteer())),
			row("POST /api/v1/organizations/{id}/members/{volunteerId}/approve").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.team().id()).and("volunteerId", s.askingToJoin(s.team()).volunteerId())),
			row("POST /api/v1/organizations/{id}/members/{volunteerId}/reject").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.team().id()).and("volunteerId", s.askingToJoin(s.team()).volunteerId())),
			row("DELETE /api/v1/organizations/{id}/members/{volunteerId}").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.team().id()).and("volunteerId", s.memberOf(s.team()).volunteerId())),
			row("POST /api/v1/organizations/{id}/imports").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.team().id()))
				.sent((path) -> Exchange.multipart("a filled template", path, Scene.importTemplate(),
						Map.of("consentConfirmed", "true")))
				.also(MalformedInputApiTests::badUploads),
			// activities and projects
			row("POST /api/v1/activities").as(ORG_ADMIN)
				.on((s) -> Target.none().body(s.activityBody(s.team())))
				.body(id("organizationId").required(), id("projectId"), text("title", 100).required(),
						text("description", 4000).required(), enumeration("category").required(),
						region("regionCode").required(), text("address", 200).required(),
						object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required()),
						integer("geofenceMeters", 50, 5000), time("startsAt", Kind.FUTURE_TIME).required(),
						time("endsAt", Kind.FUTURE_TIME).required(), list("positions", position(), 1, 50).required(),
						enumeration("approval"), time("signupDeadline", Kind.FUTURE_TIME), flag("waitlist"),
						enumeration("riskLevel"), flag("timeBankEligible"), enumeration("recruitmentMode"),
						text("risksAndProtections", 2000), text("contactName", 50), phone("contactPhone")),
			row("POST /api/v1/activities/past").as(ORG_ADMIN)
				.on((s) -> Target.none().body(Map.of("activity", s.pastActivityBody(s.team()), "reason", "线下开展，活动后补录")))
				.body(object("activity", id("organizationId").required(), id("projectId"),
						text("title", 100).required(), text("description", 4000).required(),
						enumeration("category").required(), region("regionCode").required(),
						text("address", 200).required(),
						object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required()),
						integer("geofenceMeters", 50, 5000), time("startsAt", Kind.PAST_TIME).required(),
						time("endsAt", Kind.PAST_TIME).required(), list("positions", position(), 1, 50).required(),
						enumeration("riskLevel"), enumeration("recruitmentMode"), text("risksAndProtections", 2000),
						text("contactName", 50), phone("contactPhone"))
					.required(), text("reason", 500).required()),
			row("PATCH /api/v1/activities/{id}").as(ORG_ADMIN)
				.on((s) -> activityChange(s.draft(s.team())))
				.body(text("title", 100), text("description", 4000), text("address", 200),
						object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required()),
						integer("geofenceMeters", 50, 5000), time("startsAt", Kind.FUTURE_TIME),
						time("endsAt", Kind.FUTURE_TIME), time("signupDeadline", Kind.FUTURE_TIME),
						text("risksAndProtections", 2000), text("contactName", 50), phone("contactPhone"),
						list("capacities",
								object("capacity", id("positionId").required(),
										integer("capacity", 1, 100_000).required()),
								0, 100),
						list("requirements",
								object("requirement", id("positionId").required(), integer("minAge", 14, 100),
										integer("maxAge", 14, 100), enumeration("gender"),
										integer("minServices", 0, 10_000), decimal("minHours", 0, 100_000),
										list("qualifications", text("qualification", 100).required(), 0, 10),
										integer("minCreditScore", 0, 200)),
								0, 50)),
			row("POST /api/v1/activity-series").as(ORG_ADMIN)
				.on((s) -> Target.none()
					.body(Map.of("activity", s.activityBody(s.team()), "repeat",
							Map.of("frequency", "WEEKLY", "count", 2), "publish", false)))
				.body(object("activity", id("organizationId").required(), id("projectId"),
						text("title", 100).required(), text("description", 4000).required(),
						enumeration("category").required(), region("regionCode").required(),
						text("address", 200).required(),
						object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required()),
						integer("geofenceMeters", 50, 5000), time("startsAt", Kind.FUTURE_TIME).required(),
						time("endsAt", Kind.FUTURE_TIME).required(), list("positions", position(), 1, 50).required(),
						enumeration("approval"), time("signupDeadline", Kind.FUTURE_TIME), flag("waitlist"),
						enumeration("riskLevel"), flag("timeBankEligible"), enumeration("recruitmentMode"),
						text("risksAndProtections", 2000), text("contactName", 50), phone("contactPhone"))
					.required(),
						object("repeat", enumeration("frequency").required(), integer("count", 1, 52),
								date("until", Kind.DATE))
							.required(),
						flag("publish")),
			row("POST /api/v1/activities/{id}/copy").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.recruiting(s.team()).id())),
			row("POST /api/v1/activities/{id}/publish").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.draft(s.team()).id())),
			row("POST /api/v1/activities/{id}/review").as(OPERATOR)
				.on((s) -> Target.of("id", s.pendingBackfill(s.team()).id())
					.body(Map.of("decision", "APPROVE", "reason", REASON)))
				.body(enumeration("decision").required(), text("reason", 500)),
			row("POST /api/v1/activities/{id}/cancel").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.recruiting(s.team()).id()).body(reason()))
				.body(text("reason", 500).required()),
			row("POST /api/v1/activities/{id}/archive").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.cancelled(s.team()).id())),
			row("POST /api/v1/projects").as(ORG_ADMIN)
				.on((s) -> Target.none()
					.body(Map.of("organizationId", s.team().id().toString(), "name", "邻里守望", "field", "ELDERLY_CARE",
							"level", "COMMUNITY", "description", "陪伴独居老人。")))
				.body(id("organizationId").required(), text("name", 100).required(), enumeration("field").required(),
						enumeration("level").required(), text("description", 2000)),
			row("PUT /api/v1/me/honour-roll").as(VOLUNTEER)
				.on((s) -> Target.none().body(Map.of("shown", true)))
				.body(flag("shown").required()),
			row("POST /api/v1/projects/{id}/brand").as(OPERATOR)
				.on((s) -> Target.of("id", s.project(s.team())).body(Map.of("brand", true)))
				.body(flag("brand").required()),
			// sign-ups
			row("POST /api/v1/activities/{id}/signups").as(VOLUNTEER).on((s) -> {
				Activity activity = s.recruiting(s.team());
				return Target.of("id", activity.id())
					.body(Map.of("positionId", activity.positionId().toString()))
					.playing(VOLUNTEER, s.volunteer());
			}).body(id("positionId").required()),
			row("POST /api/v1/activities/{id}/signups/shifts").as(VOLUNTEER).on((s) -> {
				Activity activity = s.recruiting(s.team());
				return Target.of("id", activity.id())
					.body(Map.of("positionIds", List.of(activity.positionId().toString())))
					.playing(VOLUNTEER, s.volunteer());
			}).body(list("positionIds", id("positionId").required(), 1, 20).required()),
			row("POST /api/v1/activities/{id}/signups/group").as(ORG_ADMIN).on((s) -> {
				Activity activity = s.recruiting(s.team());
				return Target.of("id", activity.id())
					.body(Map.of("positionId", activity.positionId().toString(), "volunteerIds",
							List.of(s.memberOf(s.team()).volunteerId().toString())));
			}).body(id("positionId").required(), list("volunteerIds", id("volunteerId").required(), 1, 50).required()),
			row("POST /api/v1/activities/{id}/signups/direct").as(ORG_ADMIN).on((s) -> {
				Activity activity = s.recruiting(s.team());
				return Target.of("id", activity.id())
					.body(Map.of("positionId", activity.positionId().toString(), "volunteerId",
							s.volunteer().volunteerId().toString(), "reason", REASON));
			}).body(id("volunteerId").required(), id("positionId").required(), text("reason", 500).required()),
			row("POST /api/v1/signups/{id}/approve").as(ORG_ADMIN)
				.on((s) -> signup(s, s.recruiting(s.team(), "MANUAL"))),
			row("POST /api/v1/signups/{id}/reject").as(ORG_ADMIN)
				.on((s) -> signup(s, s.recruiting(s.team(), "MANUAL")).body(reason()))
				.optionalBody(text("reason", 500)),
			row("DELETE /api/v1/signups/{id}").as(VOLUNTEER)
				.on((s) -> signup(s, s.recruiting(s.team())))
				.badQueries("reason=" + encode("字".repeat(501)), "reason=a%00b", "reason=%ED%A0%80",
						"reason=" + encode(Field.SCRIPT.repeat(4000))),
			row("POST /api/v1/signups/{id}/cancel").as(VOLUNTEER)
				.on((s) -> signup(s, s.recruiting(s.team())).body(reason()))
				.body(text("reason", 500)),
			// attendance
			row("POST /api/v1/activities/{id}/checkin-codes").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.running(s.team()).id())),
			row("POST /api/v1/attendance/check-in").as(VOLUNTEER).on((s) -> {
				Activity running = s.running(s.team());
				return Target.none()
					.body(Map.of("code", s.checkinCode(running), "location", AT_THE_SITE))
					.playing(VOLUNTEER, s.signedUp(running));
			}).body(CHECK_IN).otherForm(SHORT_CODE), row("POST /api/v1/attendance/check-out").as(VOLUNTEER).on((s) -> {
				Activity running = s.running(s.team());
				Person volunteer = s.signedUp(running);
				s.checkIn(running, volunteer);
				return Target.none()
					.body(Map.of("code", s.checkinCode(running), "location", AT_THE_SITE))
					.playing(VOLUNTEER, volunteer);
			}).body(CHECK_IN).otherForm(SHORT_CODE).badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/activities/{id}/attendance/check-in").as(ORG_ADMIN).on((s) -> {
				Activity running = s.running(s.team());
				return Target.of("id", running.id()).body(AuthorizationMatrixApiTests.manualEntry(s.signedUp(running)));
			}).body(MANUAL_ENTRY), row("POST /api/v1/activities/{id}/attendance/check-out").as(ORG_ADMIN).on((s) -> {
				Activity running = s.running(s.team());
				Person volunteer = s.signedUp(running);
				s.checkIn(running, volunteer);
				return Target.of("id", running.id()).body(AuthorizationMatrixApiTests.manualEntry(volunteer));
			}).body(MANUAL_ENTRY).badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/activities/{id}/attendance/bulk").as(ORG_ADMIN).on((s) -> {
				Activity running = s.running(s.team());
				return Target.of("id", running.id()).body(AuthorizationMatrixApiTests.bulkEntry(s.signedUp(running)));
			})
				.body(text("reason", 500).required(), list("entries",
						object("entry", id("volunteerId").required(), time("checkedInAt", Kind.NEAR_TIME).required(),
								time("checkedOutAt", Kind.NEAR_TIME).required()),
						1, 1000)
					.required())
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			// service records
			// training
			row("POST /api/v1/courses").as(ORG_ADMIN)
				.on((s) -> Target.none().body(Scene.courseBody(s.team())))
				.body(id("organizationId"), region("regionCode"), text("title", 100).required(),
						text("description", 2000), decimal("hours", 0, 1000).required(),
						object("qualification", code("code", 40).required(), text("name", 100),
								integer("validMonths", 1, 120).required()),
						list("teachers", text("teacher", 100).required(), 0, 10)),
			row("POST /api/v1/courses/{id}/sessions").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.course(s.team())).body(Scene.courseSessionBody()))
				.body(time("startsAt", Kind.FUTURE_TIME).required(), time("endsAt", Kind.FUTURE_TIME).required(),
						region("regionCode").required(), text("address", 200).required(),
						integer("capacity", 1, 100_000).required(), text("teacher", 100)),
			row("POST /api/v1/course-sessions/{id}/enrolments").as(VOLUNTEER)
				.on((s) -> Target.of("id", s.courseSession(s.team(), false)).playing(VOLUNTEER, s.volunteer())),
			row("DELETE /api/v1/course-sessions/{id}/enrolments/mine").as(VOLUNTEER).on((s) -> {
				UUID[] session = new UUID[1];
				Person enrolled = s.enrolledIn(s.team(), session, false);
				return Target.of("id", session[0]).playing(VOLUNTEER, enrolled);
			}),
			row("POST /api/v1/course-sessions/{id}/checkin-codes").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.courseSession(s.team(), true))),
			row("POST /api/v1/course-sessions/check-in").as(VOLUNTEER).on((s) -> {
				UUID[] session = new UUID[1];
				Person enrolled = s.enrolledIn(s.team(), session, true);
				return Target.none()
					.body(Map.of("code", s.courseSessionCode(s.team(), session[0])))
					.playing(VOLUNTEER, enrolled);
			}).body(code("code", 100).requiredUnlessOtherForm()).otherForm(id("sessionId"), code("shortCode", 12)),
			row("POST /api/v1/course-sessions/{id}/results").as(ORG_ADMIN).on((s) -> {
				UUID[] session = new UUID[1];
				Person enrolled = s.enrolledIn(s.team(), session, true);
				return Target.of("id", session[0])
					.body(Map.of("volunteerId", enrolled.volunteerId().toString(), "passed", true));
			}).body(id("volunteerId").required(), flag("passed").required()),
			row("POST /api/v1/course-sessions/{id}/results/import").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.courseSession(s.team(), true)))
				.sent((path) -> Exchange.multipart("a results sheet", path, Scene.resultsSheet(), Map.of()))
				.also((path) -> List.of(Exchange.multipart("no file", path, null, Map.of()),
						Exchange.multipart("an empty file", path, new byte[0], Map.of()),
						Exchange.multipart("not a workbook", path, Field.SQL.getBytes(StandardCharsets.UTF_8),
								Map.of()),
						Exchange.json("JSON instead of a file", "POST", path, "{\"file\": \"x\"}"))),
			row("POST /api/v1/records").as(ORG_ADMIN)
				.on((s) -> Target.none().body(s.recordBody(s.finished(s.team()), s.memberOf(s.team()))))
				.body(id("volunteerId").required(), id("activityId").required(),
						time("startedAt", Kind.PAST_TIME).required(), time("endedAt", Kind.PAST_TIME).required(),
						text("content", 1000), text("reason", 500).required())
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/records/{id}/amendments").as(VOLUNTEER).on((s) -> {
				Recorded record = s.recorded(s.team());
				return Target.of("id", record.id())
					.body(Map.of("hours", "1.50", "reason", REASON))
					.playing(VOLUNTEER, record.volunteer());
			})
				.body(decimal("hours", 0, 24).requiredUnlessOtherForm(), text("reason", 500).required())
				.otherForm(time("startedAt", Kind.PAST_TIME), time("endedAt", Kind.PAST_TIME)),
			row("POST /api/v1/records/{id}/resolution").as(OPERATOR)
				.on((s) -> Target.of("id", s.recorded(s.team()).id()).body(Map.of("outcome", "VOID", "note", REASON)))
				.body(enumeration("outcome").required(), text("note", 500).required()),
			row("POST /api/v1/amendments/{id}/approve").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.amendment(s.recorded(s.team()))).body(Map.of("note", "核实无误")))
				.optionalBody(text("note", 500)),
			row("POST /api/v1/amendments/{id}/reject").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.amendment(s.recorded(s.team()))).body(Map.of("note", "与签到表不符")))
				.optionalBody(text("note", 500)),
			row("PUT /api/v1/regions/{code}/settings").as(OPERATOR)
				.on((s) -> Target.of("code", STREET)
					.body(Map.of("activityReview", "HIGH_RISK", "starThresholds",
							List.of("100", "300", "600", "1000", "1500"))))
				.body(enumeration("activityReview"),
						list("starThresholds", decimal("hours", 0, 999_999).required(), 5, 5),
						integer("population", 0, 2_000_000_000), decimal("timeBankCap", 0, 100_000)),
			row("PUT /api/v1/regions/{code}/star-thresholds").as(OPERATOR)
				.on((s) -> Target.of("code", STREET)
					.body(Map.of("hours", List.of("100", "300", "600", "1000", "1500"))))
				.body(list("hours", decimal("hours", 0, 999_999).required(), 5, 5).required()),
			// certificates
			row("POST /api/v1/certificates").as(VOLUNTEER).on((s) -> {
				Recorded record = s.recorded(s.team());
				Map<String, Object> body = new LinkedHashMap<>(Scene.certificateBody(record.volunteer()));
				body.put("language", "zh");
				return Target.none().body(body).playing(VOLUNTEER, record.volunteer());
			})
				.body(id("volunteerId").required(), date("from", Kind.PAST_DATE).required(),
						date("to", Kind.PAST_DATE).required(), id("organizationId"), enumeration("language"),
						flag("seal"))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/certificates/{number}/revocation").as(ORG_ADMIN)
				.on((s) -> Target.of("number", s.certified(s.team()).number()).body(Map.of("reason", REASON)))
				.body(text("reason", 500).required()),
			row("POST /api/v1/certificates/verification").as(ANONYMOUS)
				.sent((path) -> Exchange.multipart("a file", path, Scene.seal(), Map.of())),
			row("PUT /api/v1/organizations/{id}/seal").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.team().id()))
				.sent((path) -> Exchange.multipart("a seal", "PUT", path, Scene.seal(), Map.of()))
				.also((path) -> List.of(Exchange.multipart("no file", "PUT", path, null, Map.of()),
						Exchange.multipart("an empty file", "PUT", path, new byte[0], Map.of()),
						Exchange.multipart("not an image", "PUT", path, Field.SQL.getBytes(StandardCharsets.UTF_8),
								Map.of()),
						Exchange.multipart("an xlsx file", "PUT", path, Scene.importTemplate(), Map.of()))),
			row("DELETE /api/v1/organizations/{id}/seal").as(ORG_ADMIN).on((s) -> Target.of("id", s.team().id())),
			// needs (C12)
			row("POST /api/v1/residents").as(ANONYMOUS)
				.on((s) -> Target.none().body(Scene.residentBody()))
				.body(text("name", 50).required(), phone("phone").required(), text("password", 64).required(),
						region("regionCode").required()),
			// takes no input at all: only the valid request is sent
			row("POST /api/v1/menu-items/{id}/withdrawal").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.menuItem(s.team()))),
			row("POST /api/v1/organizations/{id}/menu-items").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.team().id()).body(Scene.menuItemBody()))
				.body(text("title", 100).required(), enumeration("field").required(),
						text("description", 1000).required(),
						list("regionCodes", region("regionCode").required(), 1, 50).required()),
			row("POST /api/v1/needs").as(OPERATOR)
				.on((s) -> Target.none().body(Scene.needBody(true)))
				.body(id("menuItemId"), text("title", 100), text("description", 1000), enumeration("field"),
						region("regionCode").required(), text("address", 200).required(),
						object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required()),
						time("wantedFrom", Kind.FUTURE_TIME).required(), time("wantedTo", Kind.FUTURE_TIME).required(),
						object("onBehalfOf", text("name", 50).required(), phone("phone")))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/needs/{id}/dispatch").as(OPERATOR)
				.on((s) -> Target.of("id", s.need(s.resident(), s.team(), Scene.NeedStage.SUBMITTED))
					.body(Map.of("organizationId", s.team().id().toString())))
				.body(id("organizationId").required()),
			row("POST /api/v1/needs/{id}/acceptance").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.need(s.resident(), s.team(), Scene.NeedStage.DISPATCHED))
					.body(Map.of("volunteerIds", List.of(s.person(VOLUNTEER).volunteerId().toString()))))
				.optionalBody(list("volunteerIds", id("volunteerId").required(), 0, 20)),
			row("POST /api/v1/needs/{id}/completion").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.need(s.resident(), s.team(), Scene.NeedStage.ACCEPTED))
					.body(Scene.needCompletionBody()))
				.body(time("startedAt", Kind.PAST_TIME).required(), time("endedAt", Kind.PAST_TIME).required())
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/needs/{id}/rating").as(VOLUNTEER).on((s) -> {
				Person resident = s.resident();
				return Target.of("id", s.need(resident, s.team(), Scene.NeedStage.DONE))
					.body(Map.of("stars", 5, "comment", "很满意"))
					.playing(VOLUNTEER, resident);
			}).body(integer("stars", 1, 5).required(), text("comment", 500)),
			row("POST /api/v1/needs/{id}/cancellation").as(VOLUNTEER).on((s) -> {
				Person resident = s.resident();
				return Target.of("id", s.need(resident, s.team(), Scene.NeedStage.DISPATCHED))
					.body(Map.of("reason", "邻居已经帮忙了"))
					.playing(VOLUNTEER, resident);
			}).body(text("reason", 500).required()),
			// the time bank
			row("POST /api/v1/time-transfers").as(VOLUNTEER).on((s) -> {
				Scene.Related related = s.related(s.team());
				return Target.none()
					.body(Map.of("toVolunteerId", related.relative().volunteerId().toString(), "hours", "1.00", "kind",
							"GIFT"))
					.playing(VOLUNTEER, related.giver());
			})
				.body(id("toVolunteerId").required(), decimal("hours", 0, 100_000).required(),
						enumeration("kind").required(), text("memo", 200))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			// hours used for a service
			row("POST /api/v1/time-services").as(VOLUNTEER).on((s) -> {
				Person giver = s.related(s.team()).giver();
				return Target.none()
					.body(Map.of("volunteerId", giver.volunteerId().toString(), "hours", "1.00", "description", "上门助浴"))
					.playing(VOLUNTEER, giver);
			})
				.body(id("volunteerId"), decimal("hours", 0, 100_000).required(), text("description", 200).required(),
						id("needId"))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			// take no input at all: only the valid request is sent
			row("POST /api/v1/time-services/{id}/completion").as(OPERATOR).on((s) -> {
				Scene.Held held = s.heldService(s.team());
				return Target.of("id", held.id()).playing(VOLUNTEER, held.volunteer());
			}), row("POST /api/v1/time-services/{id}/cancellation").as(VOLUNTEER).on((s) -> {
				Scene.Held held = s.heldService(s.team());
				return Target.of("id", held.id()).playing(VOLUNTEER, held.volunteer());
			}),
			// webhooks
			row("POST /api/v1/webhooks").as(OPERATOR)
				.on((s) -> Target.none().body(Scene.webhookBody()))
				.body(code("url", 2000).required(), list("events", enumeration("event"), 1, 20).required(),
						region("regionCode"))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			// take no input at all: only the valid request is sent
			row("POST /api/v1/webhooks/{id}/secret").as(OPERATOR).on((s) -> Target.of("id", s.webhook())),
			row("POST /api/v1/webhooks/{id}/disable").as(OPERATOR).on((s) -> Target.of("id", s.webhook())),
			row("POST /api/v1/webhooks/{id}/enable").as(OPERATOR).on((s) -> Target.of("id", s.webhook())),
			row("DELETE /api/v1/webhooks/{id}").as(OPERATOR).on((s) -> Target.of("id", s.webhook())),
			row("POST /api/v1/webhooks/{id}/test").as(OPERATOR).on((s) -> Target.of("id", s.webhook())),
			row("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay").as(OPERATOR).on((s) -> {
				Scene.WebhookDelivery delivery = s.webhookDelivery();
				return Target.of("id", delivery.webhookId()).and("deliveryId", delivery.deliveryId());
			}),
			// complaints and reports
			row("POST /api/v1/complaints").as(VOLUNTEER)
				.on((s) -> Target.none().body(Scene.complaintBody(s.newTeam().id())))
				.body(enumeration("subjectType").required(), id("subjectId").required(), enumeration("category"),
						text("description", 2000).required(), phone("contactPhone"), text("contactName", 50))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/complaints/tracking").as(ANONYMOUS)
				.on((s) -> Target.none().body(Map.of("trackingCode", s.trackingCode())))
				.body(text("trackingCode", 20).required()),
			row("POST /api/v1/complaints/{id}/attachments").as(VOLUNTEER).on((s) -> {
				Scene.Complained complained = s.complaint("SUBMITTED");
				return Target.of("id", complained.id()).playing(VOLUNTEER, complained.complainant());
			})
				.sent((path) -> Exchange.multipart("a PDF", path, Scene.evidencePdf(), Map.of()))
				.also((path) -> List.of(Exchange.multipart("no file", path, null, Map.of()),
						Exchange.multipart("an empty file", path, new byte[0], Map.of()),
						Exchange.multipart("not a photo or PDF", path, Field.SQL.getBytes(StandardCharsets.UTF_8),
								Map.of()),
						Exchange.multipart("an xlsx file", path, Scene.importTemplate(), Map.of()))),
			row("POST /api/v1/complaints/{id}/assignment").as(OPERATOR)
				.on((s) -> Target.of("id", s.complaint("SUBMITTED").id())
					.body(Map.of("assigneeId", s.complaintHandler())))
				.body(id("assigneeId").required()),
			row("POST /api/v1/complaints/{id}/resolution").as(OPERATOR)
				.on((s) -> Target.of("id", s.complaint("INVESTIGATING").id())
					.body(Map.of("outcome", "DISMISSED", "note", "查无实据。")))
				.body(enumeration("outcome").required(), text("note", 500).required()),
			row("POST /api/v1/complaints/{id}/investigation").as(OPERATOR)
				.on((s) -> Target.of("id", s.complaint("ASSIGNED").id())),
			// erasure requests
			row("POST /api/v1/me/erasure-requests").as(VOLUNTEER)
				.on((s) -> Target.none()
					.body(Map.of("scope", "PROFILE", "reason", REASON))
					.playing(VOLUNTEER, s.volunteer()))
				.body(enumeration("scope").required(), text("reason", 500))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/me/erasure-requests/{id}/withdrawal").as(VOLUNTEER).on((s) -> {
				Scene.ErasureAsked asked = s.erasureRequest();
				return Target.of("id", asked.id()).playing(VOLUNTEER, asked.volunteer());
			}),
			row("POST /api/v1/erasure-requests/{id}/decision").as(OPERATOR)
				.on((s) -> Target.of("id", s.erasureRequest().id()).body(Map.of("decision", "REFUSE", "note", REASON)))
				.body(enumeration("decision").required(), text("note", 500)),
			// commendation
			row("POST /api/v1/commendations").as(OPERATOR)
				.on((s) -> Target.none().body(Scene.commendationBody()))
				.body(region("regionCode").required(), text("title", 100).required(), enumeration("kind").required(),
						time("nominationsUntil", Kind.FUTURE_TIME).required(), integer("noticeDays", 7, 60).required())
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/commendations/{id}/nominations").as(OPERATOR)
				.on((s) -> Target.of("id", s.commendation())
					.body(Map.of("nomineeId", s.volunteer().volunteerId().toString(), "reason", REASON)))
				.body(id("nomineeId").required(), text("reason", 500).required())
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/nominations/{id}/review").as(OPERATOR)
				.on((s) -> Target.of("id", s.nomination().nominationId())
					.body(Map.of("decision", "APPROVE", "note", REASON)))
				.body(enumeration("decision").required(), text("note", 500)),
			row("POST /api/v1/nominations/{id}/objections").as(VOLUNTEER)
				.on((s) -> Target.of("id", s.nominationInNotice().nominationId()).body(Map.of("reason", REASON)))
				.body(text("reason", 500).required()),
			row("POST /api/v1/objections/{id}/answer").as(OPERATOR)
				.on((s) -> Target.of("id", s.commendationObjection()).body(Map.of("upheld", false, "note", REASON)))
				.body(flag("upheld").required(), text("note", 500).required()),
			// take no input at all: only the valid request is sent
			row("POST /api/v1/commendations/{id}/notice").as(OPERATOR)
				.on((s) -> Target.of("id", s.approvedNomination().commendationId())),
			row("POST /api/v1/commendations/{id}/awards").as(OPERATOR)
				.on((s) -> Target.of("id", s.commendationReadyToAward())),
			// stories (C19)
			row("POST /api/v1/stories").as(ORG_ADMIN)
				.on((s) -> Target.none().body(Scene.storyBody(s.team().id())))
				.body(id("organizationId"), region("regionCode"), text("title", 60).required(),
						text("summary", 120).required(), text("body", 5000).required(), id("activityId"),
						id("projectId"))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("PUT /api/v1/stories/{id}").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.story("DRAFT").id()).body(Scene.storyChangeBody()))
				.body(region("regionCode"), text("title", 60).required(), text("summary", 120).required(),
						text("body", 5000).required(), id("activityId"), id("projectId")),
			row("POST /api/v1/stories/{id}/images").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.story("DRAFT").id()))
				.sent((path) -> Exchange.multipart("an image", path, Scene.seal(), Map.of()))
				.also((path) -> List.of(Exchange.multipart("no file", path, null, Map.of()),
						Exchange.multipart("an empty file", path, new byte[0], Map.of()),
						Exchange.multipart("not an image", path, Field.SQL.getBytes(StandardCharsets.UTF_8), Map.of()),
						Exchange.multipart("an xlsx file", path, Scene.importTemplate(), Map.of()))),
			row("DELETE /api/v1/stories/{id}/images/{imageId}").as(ORG_ADMIN).on((s) -> {
				Scene.Storied story = s.story("DRAFT");
				return Target.of("id", story.id()).and("imageId", story.imageId());
			}),
			row("POST /api/v1/stories/{id}/review").as(OPERATOR)
				.on((s) -> Target.of("id", s.story("SUBMITTED").id())
					.body(Map.of("decision", "RETURN", "note", REASON)))
				.body(enumeration("decision").required(), text("note", 500)),
			row("POST /api/v1/stories/{id}/take-down").as(OPERATOR)
				.on((s) -> Target.of("id", s.story("PUBLISHED").id()).body(Map.of("reason", REASON)))
				.body(text("reason", 500).required()),
			// take no input at all: only the valid request is sent
			row("POST /api/v1/stories/{id}/submission").as(ORG_ADMIN).on((s) -> Target.of("id", s.story("DRAFT").id())),
			row("POST /api/v1/stories/{id}/withdrawal").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.story("SUBMITTED").id())),
			// evaluations after a service
			row("PUT /api/v1/records/{id}/evaluation").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.recorded(s.team()).id()).body(Map.of("stars", 4, "comment", REASON)))
				.body(integer("stars", 1, 5).required(), text("comment", 200)),
			row("PUT /api/v1/records/{id}/activity-rating").as(VOLUNTEER).on((s) -> {
				Recorded record = s.recorded(s.team());
				return Target.of("id", record.id())
					.body(Map.of("stars", 5, "comment", REASON))
					.playing(VOLUNTEER, record.volunteer());
			}).body(integer("stars", 1, 5).required(), text("comment", 200)),
			// emergency mobilization
			row("PUT /api/v1/emergency/teams/{organizationId}").as(OPERATOR)
				.on((s) -> Target.of("organizationId", s.newTeam().id()).body(Map.of("tier", "STREET")))
				.body(enumeration("tier").required()),
			row("PUT /api/v1/me/emergency-profile").as(VOLUNTEER)
				.on((s) -> Target.none().body(Scene.emergencyProfileBody()))
				.body(coordinate("homeLat", 3, 54).required(), coordinate("homeLng", 73, 136).required(),
						enumeration("readiness").required(),
						list("qualifications",
								object("qualification", enumeration("kind").required(),
										date("validUntil", Kind.DATE).required()),
								0, 8)),
			row("POST /api/v1/emergency/mobilizations").as(OPERATOR)
				.on((s) -> Target.none().body(s.mobilizationBody(s.responder())))
				.body(region("regionCode").required(), text("title", 100).required(), CHINA_POINT.required(),
						integer("radiusKm", 1, 200).required(), time("assembleAt", Kind.FUTURE_TIME).required(),
						object("assemblyPoint", text("name", 100).required(), coordinate("lat", 3, 54).required(),
								coordinate("lng", 73, 136).required())
							.required(),
						list("needs",
								object("need", text("skill", 60).required(), integer("count", 1, 10_000).required(),
										enumeration("qualification"), flag("insured")),
								1, 20)
							.required(),
						flag("drill"), id("organizationId"))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/emergency/mobilizations/{id}/responses").as(VOLUNTEER).on((s) -> {
				Scene.Called called = s.mobilization(null);
				return Target.of("id", called.id())
					.body(Map.of("answer", "ACCEPT"))
					.playing(VOLUNTEER, called.volunteer());
			}).body(enumeration("answer").required()),
			row("POST /api/v1/emergency/mobilizations/{id}/muster").as(VOLUNTEER).on((s) -> {
				Scene.Called called = s.mobilization("ACCEPT");
				return Target.of("id", called.id()).body(s.musterBody(called)).playing(VOLUNTEER, called.volunteer());
			}).body(CHINA_POINT, text("code", 100)),
			row("POST /api/v1/emergency/mobilizations/{id}/groups").as(OPERATOR).on((s) -> {
				Scene.Called called = s.mobilization("ACCEPT");
				return Target.of("id", called.id()).body(s.groupBody(called));
			})
				.body(text("name", 60).required(), text("task", 500).required(), id("leaderId").required(),
						list("memberIds", id("memberId"), 0, 1000)),
			row("PUT /api/v1/emergency/mobilizations/{id}/groups/{groupId}/members").as(OPERATOR).on((s) -> {
				Scene.Grouped grouped = s.taskGroup();
				return Target.of("id", grouped.id())
					.and("groupId", grouped.groupId())
					.body(Map.of("volunteerIds", List.of(grouped.leader().volunteerId().toString())));
			}).body(list("volunteerIds", id("volunteerId"), 1, 1000).required()),
			// take no input at all: only the valid request is sent
			row("POST /api/v1/emergency/mobilizations/{id}/waves").as(OPERATOR)
				.on((s) -> Target.of("id", s.mobilization(null).id())),
			row("DELETE /api/v1/emergency/teams/{organizationId}").as(OPERATOR)
				.on((s) -> Target.of("organizationId", s.emergencyTeam())),
			row("POST /api/v1/emergency/mobilizations/{id}/stand-down").as(OPERATOR)
				.on((s) -> Target.of("id", s.mobilization(null).id())),
			// emergency duty rosters
			row("POST /api/v1/emergency/teams/{organizationId}/duty/swaps").as(VOLUNTEER).on((s) -> {
				Scene.Duty duty = s.duty();
				return Target.of("organizationId", duty.team().id())
					.body(Scene.swapBody(duty))
					.playing(VOLUNTEER, duty.member());
			})
				.body(date("day", Kind.DATE).required(), enumeration("shift").required(),
						id("withVolunteerId").required(), date("partnerDay", Kind.DATE), enumeration("partnerShift"))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			// take no input but the path: only the valid request is sent
			row("PUT /api/v1/emergency/teams/{organizationId}/duty/{day}/{shift}/members/{volunteerId}").as(ORG_ADMIN)
				.on((s) -> {
					Scene.Duty duty = s.duty();
					return Target.of("organizationId", duty.team().id())
						.and("day", duty.day())
						.and("shift", "NIGHT")
						.and("volunteerId", duty.partner().volunteerId())
						.playing(ORG_ADMIN, duty.team().admin());
				}),
			row("DELETE /api/v1/emergency/teams/{organizationId}/duty/{day}/{shift}/members/{volunteerId}")
				.as(ORG_ADMIN)
				.on((s) -> {
					Scene.Duty duty = s.duty();
					return Target.of("organizationId", duty.team().id())
						.and("day", duty.day())
						.and("shift", "DAY")
						.and("volunteerId", duty.member().volunteerId())
						.playing(ORG_ADMIN, duty.team().admin());
				}),
			row("POST /api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/accept").as(VOLUNTEER).on((s) -> {
				Scene.DutySwapAsked swap = s.dutySwap(false);
				return Target.of("organizationId", swap.duty().team().id())
					.and("id", swap.id())
					.playing(VOLUNTEER, swap.duty().partner());
			}), row("POST /api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/approve").as(ORG_ADMIN).on((s) -> {
				Scene.DutySwapAsked swap = s.dutySwap(true);
				return Target.of("organizationId", swap.duty().team().id())
					.and("id", swap.id())
					.playing(ORG_ADMIN, swap.duty().team().admin());
			}), row("POST /api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/decline").as(VOLUNTEER).on((s) -> {
				Scene.DutySwapAsked swap = s.dutySwap(false);
				return Target.of("organizationId", swap.duty().team().id())
					.and("id", swap.id())
					.playing(VOLUNTEER, swap.duty().partner());
			}),
			// emergency plans
			row("POST /api/v1/emergency/plans").as(OPERATOR)
				.on((s) -> Target.none().body(s.planBody()))
				.body(withRegion(PLAN))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("PUT /api/v1/emergency/plans/{id}").as(OPERATOR)
				.on((s) -> Target.of("id", s.plan()).body(s.planChangeBody()))
				.body(PLAN),
			row("POST /api/v1/emergency/plans/{id}/mobilizations").as(OPERATOR)
				.on((s) -> Target.of("id", s.plan()).body(s.planLaunchBody(s.responder())))
				.body(text("title", 100), CHINA_POINT.required(), integer("radiusKm", 1, 200),
						time("assembleAt", Kind.FUTURE_TIME).required(), integer("assemblyPointIndex", 0, 4),
						object("assemblyPoint", text("name", 100).required(), coordinate("lat", 3, 54).required(),
								coordinate("lng", 73, 136).required()),
						flag("drill"))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("DELETE /api/v1/emergency/plans/{id}").as(OPERATOR).on((s) -> Target.of("id", s.plan())),
			// takes no input at all: only the valid request is sent
			row("POST /api/v1/installation-keys/rotation").as(NATIONAL_OPERATOR),
			// connected systems
			row("POST /api/v1/clients").as(OPERATOR)
				.on((s) -> Target.none().body(Scene.apiClientBody()))
				.body(text("name", 100).required(), list("scopes", enumeration("scope"), 1, 8).required(),
						region("regionCode").required())
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/clients/{id}/secret").as(OPERATOR).on((s) -> Target.of("id", s.apiClient())),
			row("POST /api/v1/clients/{id}/revocation").as(OPERATOR).on((s) -> Target.of("id", s.apiClient())),
			// records that travel between installations
			row("POST /api/v1/peers").as(NATIONAL_OPERATOR)
				.on((s) -> Target.none()
					.body(Map.of("name", "外部平台", "baseUrl",
							org.zhiyuan.interop.ForeignInstallation.generated().baseUrl(), "jwks",
							org.zhiyuan.interop.ForeignInstallation.generated().jwks().toJSONObject(true))))
				.body(text("name", 100).required(), code("baseUrl", 300).required(), object("jwks").required()),
			row("PUT /api/v1/peers/{id}/keys").as(NATIONAL_OPERATOR)
				.on((s) -> Target.of("id", s.foreignPeer().id())
					.body(Map.of("jwks",
							org.zhiyuan.interop.ForeignInstallation.generated().jwks().toJSONObject(true)))),
			row("DELETE /api/v1/peers/{id}").as(NATIONAL_OPERATOR).on((s) -> Target.of("id", s.foreignPeer().id())),
			row("POST /api/v1/record-imports").as(VOLUNTEER).on((s) -> {
				Person holder = s.registeredVolunteer();
				return Target.none()
					.body(Map.of("package", s.foreignPeer().signOne(holder.idNumber())))
					.playing(VOLUNTEER, holder);
			}).body(code("package", 2_000_000).required()),
			row("POST /api/v1/volunteers/{id}/time-bank-transfer-out").as(VOLUNTEER).on((s) -> {
				Person holder = s.timeBankHolder(s.team());
				return Target.of("id", holder.volunteerId()).body(Map.of("hours", "1.00")).playing(VOLUNTEER, holder);
			})
				.optionalBody(decimal("hours", 0, 100_000))
				.sent((path) -> Exchange.json("the valid request", "POST", path, "{\"hours\": \"1.00\"}")
					.withHeaders(Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/me/relatives").as(VOLUNTEER)
				.on((s) -> Target.none().body(s.relativeBody(s.volunteer(), "PARENT")))
				.body(code("phoneOrNumber", 40).required(), text("name", 60).required(),
						enumeration("relation").required()),
			// take no input at all: only the valid request is sent
			row("POST /api/v1/relatives/{id}/confirmation").as(VOLUNTEER).on((s) -> {
				Scene.Pending pending = s.pendingRelative();
				return Target.of("id", pending.id()).playing(VOLUNTEER, pending.relative());
			}), row("POST /api/v1/relatives/{id}/refusal").as(VOLUNTEER).on((s) -> {
				Scene.Pending pending = s.pendingRelative();
				return Target.of("id", pending.id()).playing(VOLUNTEER, pending.relative());
			}), row("DELETE /api/v1/relatives/{id}").as(VOLUNTEER).on((s) -> {
				Scene.Pending pending = s.pendingRelative();
				return Target.of("id", pending.id()).playing(VOLUNTEER, pending.relative());
			}),
			// points and rewards
			row("PUT /api/v1/point-rules/{regionCode}").as(OPERATOR)
				.on((s) -> Target.of("regionCode", REGION)
					.body(Map.of("perHour", 10, "hardPerHour", 15, "emergencyPerHour", 20, "validMonths", 36)))
				.body(integer("perHour", 0, 1000).required(), integer("hardPerHour", 0, 1000).required(),
						integer("emergencyPerHour", 0, 1000).required(), integer("validMonths", 1, 120).required()),
			row("POST /api/v1/rewards").as(OPERATOR)
				.on((s) -> Target.none().body(Map.of("regionCode", REGION, "title", "社区咖啡", "price", 10, "stock", 5)))
				.body(region("regionCode").required(), text("title", 60).required(), text("description", 500),
						text("merchant", 60), integer("price", 1, 1_000_000).required(),
						integer("stock", 1, 1_000_000).required(), integer("perPerson", 1, 100),
						date("availableUntil", Kind.DATE)),
			row("POST /api/v1/rewards/{id}/redemptions").as(VOLUNTEER)
				.on((s) -> Target.of("id", s.reward()).playing(VOLUNTEER, s.pointsHolder()))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/redemption-checks").as(OPERATOR)
				.on((s) -> Target.none().body(Map.of("code", s.redeemed().code())))
				.body(code("code", 12).required(), text("key", 100), flag("use")),
			// take no input at all: only the valid request is sent
			row("DELETE /api/v1/point-rules/{regionCode}").as(OPERATOR).on((s) -> Target.of("regionCode", REGION)),
			row("POST /api/v1/rewards/{id}/withdrawal").as(OPERATOR).on((s) -> Target.of("id", s.reward())),
			row("POST /api/v1/rewards/{id}/check-key").as(OPERATOR).on((s) -> Target.of("id", s.reward())),
			row("POST /api/v1/redemptions/{id}/cancellation").as(VOLUNTEER).on((s) -> {
				Scene.Redeemed redeemed = s.redeemed();
				return Target.of("id", redeemed.id()).playing(VOLUNTEER, redeemed.holder());
			}),
			// insurance
			row("POST /api/v1/insurance-policies").as(ORG_ADMIN)
				.on((s) -> Target.none().body(Scene.policyBody(s.team())))
				.body(id("organizationId").required(), text("insurer", 100).required(),
						code("policyNumber", 64).required(), date("startsOn", Kind.DATE).required(),
						date("endsOn", Kind.DATE).required(), text("coverage", 500).required()),
			row("POST /api/v1/insurance-policies/{id}/insured").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.policy(s.team()))
					.body(Map.of("volunteerIds", List.of(s.person(VOLUNTEER).volunteerId().toString()))))
				.body(list("volunteerIds", id("volunteerId").required(), 1, 500).required()),
			row("POST /api/v1/insurance-policies/{id}/imports").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.policy(s.team())))
				.sent((path) -> Exchange.multipart("a filled template", path, InsuredSheet.template(), Map.of()))
				.also((path) -> List.of(Exchange.multipart("no file", path, null, Map.of()),
						Exchange.multipart("an empty file", path, new byte[0], Map.of()),
						Exchange.multipart("not a workbook", path, Field.SQL.getBytes(StandardCharsets.UTF_8),
								Map.of()),
						Exchange.multipart("an image", path, Scene.seal(), Map.of()))),
			row("POST /api/v1/activities/{id}/insurance").as(ORG_ADMIN).on((s) -> {
				Activity running = s.running(s.team());
				s.signedUp(running);
				return Target.of("id", running.id()).body(Map.of("policyId", s.policy(s.team()).toString()));
			}).body(id("policyId").required()),
			// pairing (结对)
			row("POST /api/v1/beneficiaries").as(ORG_ADMIN)
				.on((s) -> Target.none().body(Scene.beneficiaryBody(s.team())))
				.body(region("regionCode").required(), id("organizationId"), text("name", 50).required(),
						enumeration("keyGroup").required(), enumeration("gender"),
						integer("birthYear", 1900, 2100).required(), text("address", 200).required(),
						object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required())
							.required(),
						phone("phone").required(), text("notes", 1000),
						object("guardian", text("name", 50).required(), date("consentOn", Kind.PAST_DATE).required())),
			row("POST /api/v1/pairings").as(ORG_ADMIN)
				.on((s) -> Target.none().body(s.pairingBody(s.team(), s.memberOf(s.team()))))
				.body(id("beneficiaryId").required(), id("organizationId").required(), id("volunteerId"),
						enumeration("frequency").required(), date("startsOn", Kind.DATE),
						integer("geofenceMeters", 50, 1000)),
			row("POST /api/v1/pairings/{id}/visits").as(VOLUNTEER).on((s) -> {
				Person paired = s.memberOf(s.team());
				return Target.of("id", s.pairing(s.team(), paired))
					.body(Map.of("location", AT_THE_SITE, "note", "测血压 130/80", "outsideReason", "在楼下花园"))
					.playing(VOLUNTEER, paired);
			})
				.body(object("location", coordinate("lat", 90).required(), coordinate("lng", 180).required(),
						nonNegative("accuracyMeters"))
					.required(), text("note", 500), text("outsideReason", 200))
				.badHeaders(Map.of("Idempotency-Key", "k".repeat(101))),
			row("POST /api/v1/pairings/{id}/volunteer-changes").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.pairing(s.team(), s.memberOf(s.team())))
					.body(Map.of("volunteerId", s.memberOf(s.team()).volunteerId().toString(), "reason", REASON)))
				.body(id("volunteerId").required(), text("reason", 500).required()),
			row("POST /api/v1/pairings/{id}/end").as(ORG_ADMIN)
				.on((s) -> Target.of("id", s.pairing(s.team(), s.memberOf(s.team()))).body(reason()))
				.body(text("reason", 500).required()),
			// recommendations
			row("PUT /api/v1/volunteers/me/home-point").as(VOLUNTEER)
				.on((s) -> Target.none().body(Map.of("lat", 39.9087, "lng", 116.4445)))
				.body(coordinate("lat", 90).required(), coordinate("lng", 180).required()),
			// takes no input at all: only the valid request is sent
			row("DELETE /api/v1/volunteers/me/home-point").as(VOLUNTEER),
			// stations
			row("POST /api/v1/stations").as(OPERATOR).on((s) -> Target.none().body(Scene.stationBody())).body(STATION),
			row("PUT /api/v1/stations/{id}").as(OPERATOR)
				.on((s) -> Target.of("id", s.station(true)).body(Scene.stationBody()))
				.body(STATION),
			row("POST /api/v1/stations/{id}/close").as(OPERATOR)
				.on((s) -> Target.of("id", s.station(true)).body(reason()))
				.body(text("reason", 500).required()),
			row("POST /api/v1/stations/{id}/reopen").as(OPERATOR).on((s) -> Target.of("id", s.station(false))),
			// notifications
			row("POST /api/v1/notifications/{id}/read").as(VOLUNTEER).on((s) -> {
				Person volunteer = s.volunteer();
				return Target.of("id", s.notification(volunteer)).playing(VOLUNTEER, volunteer);
			}),
			// takes no input at all: only the valid request is sent
			row("POST /api/v1/notifications/read-all").as(VOLUNTEER));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Scheduler scheduler;

	@Autowired
	Organizations organizations;

	@Autowired
	Activities activities;

	@Autowired
	Notifications notifications;

	@Autowired
	VolunteerImports imports;

	/**
	 * Read endpoints whose query selects what they answer, called by a caller who may:
	 * each malformed query must be refused with a 400 problem that names the parameter,
	 * and the valid query answered. The parameters the server requires are listed, so
	 * that the document can be checked against them (see
	 * {@link DocumentedRequestsApiTests}).
	 */
	static final List<Query> QUERIES = List.of(
			query("GET /api/v1/stats/overview", "regionCode=" + REGION + "&period=2026").required("regionCode")
				.refuses("regionCode", "period=2026", "regionCode=", "regionCode=%20", "regionCode=999999",
						"regionCode=11010", "regionCode=" + encode("' OR 1=1 --"), "regionCode=" + "1".repeat(300))
				.refuses("period", "regionCode=" + REGION + "&period=2026-13", "regionCode=" + REGION + "&period=26",
						"regionCode=" + REGION + "&period=tomorrow", "regionCode=" + REGION + "&period=2026-1",
						"regionCode=" + REGION + "&period=1066"),
			query("GET /api/v1/stats/breakdown", "regionCode=" + REGION + "&by=MONTH&from=2025-01&to=2025-12")
				.required("regionCode", "by")
				.refuses("regionCode", "by=REGION", "regionCode=&by=REGION", "regionCode=abc&by=REGION",
						"regionCode=999999999&by=REGION")
				.refuses("by", "regionCode=" + REGION, "regionCode=" + REGION + "&by=",
						"regionCode=" + REGION + "&by=YEAR",
						"regionCode=" + REGION + "&by=" + encode("REGION;DROP TABLE stat_active"))
				.refuses("from", "regionCode=" + REGION + "&by=REGION&from=2025",
						"regionCode=" + REGION + "&by=REGION&from=2025-00",
						"regionCode=" + REGION + "&by=REGION&from=2025-01-01",
						"regionCode=" + REGION + "&by=REGION&from=-2025-01")
				.refuses("to", "regionCode=" + REGION + "&by=REGION&to=2025-13",
						"regionCode=" + REGION + "&by=REGION&from=2025-05&to=2025-01",
						"regionCode=" + REGION + "&by=MONTH&from=1990-01&to=2025-01")
				.alsoAsking("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			query("GET /api/v1/stats/rankings", "regionCode=" + REGION + "&by=BRAND_PROJECTS&period=2025&limit=5")
				.required("regionCode", "by")
				.refuses("regionCode", "by=REGISTERED_SHARE", "regionCode=&by=REGISTERED_SHARE",
						"regionCode=999999&by=REGISTERED_SHARE")
				.refuses("by", "regionCode=" + REGION, "regionCode=" + REGION + "&by=",
						"regionCode=" + REGION + "&by=REGION",
						"regionCode=" + REGION + "&by=" + encode("BRAND_PROJECTS'--"))
				.refuses("period", "regionCode=" + REGION + "&by=ORGANIZATION_HOURS&period=2025-13",
						"regionCode=" + REGION + "&by=ORGANIZATION_HOURS&period=2025-01..2025-03")
				.refuses("limit", "regionCode=" + REGION + "&by=ORGANIZATION_HOURS&limit=0",
						"regionCode=" + REGION + "&by=ORGANIZATION_HOURS&limit=101",
						"regionCode=" + REGION + "&by=ORGANIZATION_HOURS&limit=ten",
						"regionCode=" + REGION + "&by=ORGANIZATION_HOURS&limit=" + "9".repeat(30))
				.alsoAsking("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			query("GET /api/v1/stations",
					"regionCode=" + REGION + "&kind=SERVICE_POINT&bbox=116.40,39.88,116.48,39.94&page=0&size=50")
				.refuses("bbox", "bbox=1,2,3", "bbox=116.48,39.88,116.40,39.94", "bbox=116.40,39.94,116.48,39.88",
						"bbox=181,0,182,1", "bbox=0,-91,1,0", "bbox=a,b,c,d",
						"bbox=" + encode("1,2,3,4;DROP TABLE station"), "bbox=" + encode("1e2,0,2e2,1"),
						"bbox=1,2,3,4,5", "bbox=" + "1".repeat(300))
				.refuses("kind", "kind=CASTLE", "kind=" + encode("SERVICE_POINT'--"))
				.refuses("regionCode", "regionCode=999999", "regionCode=11010", "regionCode=abc")
				.refuses("size", "size=0", "size=201", "size=ten")
				.alsoAsking("application/geo+json"),
			query("GET /api/v1/stats/reconciliation", "regionCode=" + STREET).required("regionCode")
				.refuses("regionCode", "", "regionCode=", "regionCode=12", "regionCode=000000000"),
			query("GET /api/v1/me/data-accesses", "page=0&size=20").refuses("size", "size=0", "size=201", "size=ten"));

	@BeforeEach
	void pauseBackgroundWork() {
		this.scheduler.pause();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!this.scheduler.getCurrentlyExecuting().isEmpty() && Instant.now().isBefore(deadline)) {
			pause(20);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@AfterEach
	void resumeBackgroundWork() {
		this.scheduler.resume();
	}

	@Test
	void knowsEveryWriteEndpoint() {
		Set<String> known = TABLE.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
		Set<String> writes = ApiEndpoints.of(this.mapping)
			.stream()
			.filter(ApiEndpoints::isWrite)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(writes).as("write endpoints without a row in the malformed-input table").isSubsetOf(known);
		assertThat(known).as("rows of the malformed-input table for endpoints that no longer exist").isSubsetOf(writes);
	}

	@TestFactory
	Stream<DynamicTest> malformedRequestsAreRefusedAndChangeNothing() {
		Scene scene = new Scene(this.fixtures, this.api, this.jdbc, this.organizations, this.activities,
				this.notifications, this.imports, this.sentMessages);
		return TABLE.stream().map((row) -> DynamicTest.dynamicTest(row.endpoint(), () -> check(scene, row)));
	}

	private void check(Scene scene, Row row) {
		Target target = row.target().apply(scene);
		Person caller = scene.person(row.caller(), target);
		String token = (caller != null) ? scene.token(caller) : null;
		Spoiler.Valid valid = row.valid(target);
		List<Exchange> requests = new ArrayList<>(
				Spoiler.requests(valid, new Random(SEED ^ row.endpoint().hashCode()), REQUESTS_PER_ENDPOINT));
		requests.addAll(row.also().apply(target.path(row.pattern())));
		DatabaseSnapshot before = DatabaseSnapshot.settled(this.dataSource);
		List<String> failures = new ArrayList<>();
		for (Exchange request : requests) {
			Response response = request.send(this.port, token);
			String verdict = verdict(response);
			if (verdict != null) {
				failures.add(request + " → " + verdict + ": " + response.status() + " "
						+ Exchange.abbreviate(response.body()));
			}
		}
		List<String> changed = DatabaseSnapshot.take(this.dataSource).changedSince(before);
		if (!changed.isEmpty()) {
			failures.add("the database changed: " + changed);
		}
		Response control = valid.request().apply(target.path(row.pattern())).send(this.port, token);
		if (control.status() >= 300) {
			failures.add("the valid request was refused too: " + control.status() + " "
					+ Exchange.abbreviate(control.body()));
		}
		assertThat(failures).as(row.endpoint() + ", " + requests.size() + " requests, seed " + SEED).isEmpty();
	}

	/**
	 * Every field of every JSON body, in turn given a value of each other JSON type, and
	 * every required field left out or null: each request must be refused with a 400 that
	 * names the field, and none may change anything. Unlike the sample of
	 * {@link #malformedRequestsAreRefusedAndChangeNothing}, every such request is sent.
	 */
	@TestFactory
	Stream<DynamicTest> wronglyTypedOrMissingFieldsAreRefusedByNameAndChangeNothing() {
		Scene scene = new Scene(this.fixtures, this.api, this.jdbc, this.organizations, this.activities,
				this.notifications, this.imports, this.sentMessages);
		return TABLE.stream()
			.filter(Row::hasJsonBody)
			.map((row) -> DynamicTest.dynamicTest(row.endpoint(), () -> checkByName(scene, row)));
	}

	private void checkByName(Scene scene, Row row) {
		Target target = row.target().apply(scene);
		Person caller = scene.person(row.caller(), target);
		String token = (caller != null) ? scene.token(caller) : null;
		Spoiler.Valid valid = row.valid(target);
		List<Spoiler.Named> requests = Spoiler.wronglyTypedOrMissing(valid);
		DatabaseSnapshot before = DatabaseSnapshot.settled(this.dataSource);
		List<String> failures = new ArrayList<>();
		for (Spoiler.Named named : requests) {
			Response response = named.request().send(this.port, token);
			String verdict = verdictNaming(response, named.field());
			if (verdict != null) {
				failures.add(named.request() + " → " + verdict + ": " + response.status() + " "
						+ Exchange.abbreviate(response.body()));
			}
		}
		List<String> changed = DatabaseSnapshot.take(this.dataSource).changedSince(before);
		if (!changed.isEmpty()) {
			failures.add("the database changed: " + changed);
		}
		Response control = valid.request().apply(target.path(row.pattern())).send(this.port, token);
		if (control.status() >= 300) {
			failures.add("the valid request was refused too: " + control.status() + " "
					+ Exchange.abbreviate(control.body()));
		}
		assertThat(failures).as(row.endpoint() + ", " + requests.size() + " requests").isEmpty();
	}

	private static String verdictNaming(Response response, String field) {
		if (response.status() != 400) {
			return "not a 400";
		}
		String verdict = verdict(response);
		if (verdict != null) {
			return verdict;
		}
		List<String> named = response.json().path("errors").findValuesAsString("field");
		return named.stream().anyMatch((name) -> isOrEncloses(name, field) || isOrEncloses(field, name)) ? null
				: "the field is not named but " + named;
	}

	/**
	 * Whether the path names the field or an object or list that holds it: a missing
	 * {@code location.lat} may be reported as a bad {@code location}, a missing object as
	 * its missing fields.
	 */
	private static boolean isOrEncloses(String path, String field) {
		return field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[");
	}

	private static String verdict(Response response) {
		if (response.status() >= 500) {
			return "a server error";
		}
		if (response.status() < 400) {
			return "accepted";
		}
		String type = response.header("Content-Type");
		if (type == null || !type.startsWith("application/problem+json")) {
			return "not problem+json";
		}
		return response.json().path("code").asString("").isBlank() ? "a problem without a code" : null;
	}

	@TestFactory
	Stream<DynamicTest> malformedQueriesAreRefusedByName() {
		Scene scene = new Scene(this.fixtures, this.api, this.jdbc, this.organizations, this.activities,
				this.notifications, this.imports, this.sentMessages);
		return QUERIES.stream().map((query) -> DynamicTest.dynamicTest(query.endpoint(), () -> check(scene, query)));
	}

	private void check(Scene scene, Query query) {
		String token = scene.token(scene.person(OPERATOR, Target.none()));
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, List<String>> refused : query.refused().entrySet()) {
			for (String bad : refused.getValue()) {
				for (String accept : query.accepts()) {
					Exchange request = new Exchange(bad + " (" + accept + ")", query.method(),
							query.pattern() + (bad.isEmpty() ? "" : "?" + bad), null, null, Map.of("Accept", accept));
					Response response = request.send(this.port, token);
					String verdict = verdictNaming(response, refused.getKey());
					if (verdict != null) {
						failures.add(request + " → " + verdict + ": " + response.status() + " "
								+ Exchange.abbreviate(response.body()));
					}
				}
			}
		}
		for (String accept : query.accepts()) {
			Exchange valid = new Exchange("the valid query", query.method(), query.pattern() + "?" + query.valid(),
					null, null, Map.of("Accept", accept));
			Response control = valid.send(this.port, token);
			if (control.status() != 200) {
				failures.add("the valid query was refused (" + accept + "): " + control.status() + " "
						+ Exchange.abbreviate(control.body()));
			}
		}
		assertThat(failures).as(query.endpoint()).isEmpty();
	}

	// targets and bodies

	private static Map<String, Object> reason() {
		return Map.of("reason", REASON);
	}

	/** A new volunteer's sign-up for the activity, the volunteer in the part. */
	private static Target signup(Scene scene, Activity activity) {
		Person volunteer = scene.volunteer();
		return Target.of("id", scene.signUp(activity, volunteer)).playing(VOLUNTEER, volunteer);
	}

	/** A draft with every field that may change, each changed validly. */
	private static Target activityChange(Activity draft) {
		OffsetDateTime start = draft.startsAt().plusHours(1);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "改期后的助老服务");
		body.put("description", "改到下午，地点不变。");
		body.put("address", "建外街道某社区服务站二楼");
		body.put("location", Map.of("lat", 39.9090, "lng", 116.4450));
		body.put("geofenceMeters", 250);
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(2).toString());
		body.put("signupDeadline", start.minusHours(2).toString());
		body.put("risksAndProtections", "注意防暑。");
		body.put("contactName", "王芳");
		body.put("contactPhone", "13900003333");
		body.put("capacities", List.of(Map.of("positionId", draft.positionId().toString(), "capacity", 25)));
		body.put("requirements", List.of(Map.of("positionId", draft.positionId().toString(), "minAge", 16, "maxAge", 70,
				"gender", "FEMALE", "minServices", 1, "minHours", "2.00", "qualifications", List.of("FIRST_AID"))));
		return Target.of("id", draft.id()).body(body);
	}

	/** Uploads that must be refused: no file, no consent, no multipart. */
	private static List<Exchange> badUploads(String path) {
		byte[] template = Scene.importTemplate();
		return List.of(Exchange.multipart("no file", path, null, Map.of("consentConfirmed", "true")),
				Exchange.multipart("an empty file", path, new byte[0], Map.of("consentConfirmed", "true")),
				Exchange.multipart("no consent", path, template, Map.of()),
				Exchange.multipart("consent refused", path, template, Map.of("consentConfirmed", "false")),
				Exchange.multipart("consent as a word", path, template, Map.of("consentConfirmed", "maybe")),
				Exchange.multipart("consent as SQL", path, template, Map.of("consentConfirmed", Field.SQL)),
				Exchange.json("JSON instead of a file", "POST", path, "{\"file\": \"x\", \"consentConfirmed\": true}"),
				new Exchange("a multipart body with the wrong boundary", "POST", path,
						"multipart/form-data; boundary=expected",
						"--other\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--other--\r\n"
							.getBytes(StandardCharsets.UTF_8),
						Map.of()));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static Query query(String endpoint, String valid) {
		return new Query(endpoint, valid);
	}

	/**
	 * A read endpoint, its valid query, the parameters it requires and the malformed
	 * queries it must refuse, by the parameter the refusal must name.
	 */
	static final class Query {

		private final String method;

		private final String pattern;

		private final String valid;

		private final Map<String, List<String>> refused = new LinkedHashMap<>();

		private final List<String> accepts = new ArrayList<>(List.of("application/json"));

		private List<String> required = List.of();

		Query(String endpoint, String valid) {
			this.method = endpoint.substring(0, endpoint.indexOf(' '));
			this.pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
			this.valid = valid;
		}

		Query required(String... parameters) {
			this.required = List.of(parameters);
			return this;
		}

		Query refuses(String parameter, String... queries) {
			this.refused.computeIfAbsent(parameter, (name) -> new ArrayList<>()).addAll(List.of(queries));
			return this;
		}

		/** Another media type the endpoint answers in, which must refuse the same way. */
		Query alsoAsking(String mediaType) {
			this.accepts.add(mediaType);
			return this;
		}

		String endpoint() {
			return this.method + " " + this.pattern;
		}

		String method() {
			return this.method;
		}

		String pattern() {
			return this.pattern;
		}

		String valid() {
			return this.valid;
		}

		List<String> required() {
			return this.required;
		}

		Map<String, List<String>> refused() {
			return this.refused;
		}

		List<String> accepts() {
			return this.accepts;
		}

	}

	private static Row row(String endpoint) {
		return new Row(endpoint);
	}

	/** One row: an endpoint, who calls it, on what, and how its input is shaped. */
	static final class Row {

		private final String method;

		private final String pattern;

		private Caller caller = VOLUNTEER;

		private Function<Scene, Target> target = (scene) -> Target.none();

		private List<Field> shape;

		private List<Field> otherForm = List.of();

		private boolean bodyOptional;

		private List<String> badQueries = List.of();

		private Map<String, String> badHeaders = Map.of();

		private Function<String, Exchange> sent;

		private Function<String, List<Exchange>> also = (path) -> List.of();

		Row(String endpoint) {
			this.method = endpoint.substring(0, endpoint.indexOf(' '));
			this.pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
		}

		Row as(Caller who) {
			this.caller = who;
			return this;
		}

		Row on(Function<Scene, Target> what) {
			this.target = what;
			return this;
		}

		/** The fields of the JSON body, which the request needs. */
		Row body(Field... fields) {
			this.shape = List.of(fields);
			return this;
		}

		/** The fields of a JSON body that may also be left out. */
		Row optionalBody(Field... fields) {
			this.bodyOptional = true;
			return body(fields);
		}

		/**
		 * Fields of another form of the body, which the valid request does not use (the
		 * server reads them only in place of a field {@link Field#requiredUnlessOtherForm
		 * required unless} they are given, or only for some callers): the document
		 * describes them, malformed requests leave them alone.
		 */
		Row otherForm(Field... fields) {
			this.otherForm = List.of(fields);
			return this;
		}

		Row badQueries(String... queries) {
			this.badQueries = List.of(queries);
			return this;
		}

		Row badHeaders(Map<String, String> headers) {
			this.badHeaders = headers;
			return this;
		}

		/** How the valid request is sent, when not as JSON. */
		Row sent(Function<String, Exchange> request) {
			this.sent = request;
			return this;
		}

		/** Malformed requests of the endpoint's own, beyond the spoiled JSON. */
		Row also(Function<String, List<Exchange>> requests) {
			this.also = requests;
			return this;
		}

		String endpoint() {
			return this.method + " " + this.pattern;
		}

		/**
		 * Whether the endpoint takes a JSON body (with fields) rather than none or a
		 * form.
		 */
		boolean hasJsonBody() {
			return this.shape != null && this.sent == null;
		}

		String pattern() {
			return this.pattern;
		}

		String method() {
			return this.method;
		}

		boolean bodyOptional() {
			return this.bodyOptional;
		}

		/** The fields of the JSON body in the form the valid request uses. */
		List<Field> shape() {
			return this.shape;
		}

		/** The fields of the JSON body in every form, as the document must list them. */
		List<Field> documentedFields() {
			List<Field> fields = new ArrayList<>(this.shape);
			fields.addAll(this.otherForm);
			return fields;
		}

		Caller caller() {
			return this.caller;
		}

		Function<Scene, Target> target() {
			return this.target;
		}

		Function<String, List<Exchange>> also() {
			return this.also;
		}

		Spoiler.Valid valid(Target on) {
			Function<String, Exchange> request = this.sent;
			if (request == null) {
				request = (path) -> (on.body() != null)
						? Exchange.json("the valid request", this.method, path, Json.write(on.body()))
						: Exchange.empty("the valid request", this.method, path);
			}
			return new Spoiler.Valid(this.method, this.pattern, on, this.shape, this.bodyOptional, this.badQueries,
					this.badHeaders, request);
		}

		@Override
		public String toString() {
			return endpoint();
		}

	}

	/**
	 * A position of a new activity, as the create, backfill and series requests take it.
	 */
	private static Field position() {
		return object("position", text("name", 60).required(), integer("capacity", 1, 100_000).required(),
				integer("minAge", 14, 100), integer("maxAge", 14, 100),
				list("qualifications", text("qualification", 100).required(), 0, 10),
				time("startsAt", Kind.FUTURE_TIME), time("endsAt", Kind.FUTURE_TIME), enumeration("gender"),
				integer("minServices", 0, 10_000), decimal("minHours", 0, 100_000), integer("minCreditScore", 0, 200));
	}

}
