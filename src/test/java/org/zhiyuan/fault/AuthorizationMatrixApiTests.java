package org.zhiyuan.fault;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.zhiyuan.activity.Activities;
import org.zhiyuan.fault.Scene.Activity;
import org.zhiyuan.fault.Scene.Recorded;
import org.zhiyuan.insurance.InsuredSheet;
import org.zhiyuan.notification.Notifications;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.organization.VolunteerImports;
import org.zhiyuan.support.Api.Response;
import org.zhiyuan.support.ApiTestSupport;
import org.zhiyuan.support.Fixtures;
import org.zhiyuan.support.Fixtures.Person;
import org.zhiyuan.support.Fixtures.Team;
import org.zhiyuan.support.Identities;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhiyuan.fault.Caller.ANONYMOUS;
import static org.zhiyuan.fault.Caller.AUDITOR;
import static org.zhiyuan.fault.Caller.EVERYONE;
import static org.zhiyuan.fault.Caller.NATIONAL_OPERATOR;
import static org.zhiyuan.fault.Caller.OPERATOR;
import static org.zhiyuan.fault.Caller.OPERATORS;
import static org.zhiyuan.fault.Caller.ORG_ADMIN;
import static org.zhiyuan.fault.Caller.OTHER_AUDITOR;
import static org.zhiyuan.fault.Caller.OTHER_OPERATOR;
import static org.zhiyuan.fault.Caller.OTHER_ORG_ADMIN;
import static org.zhiyuan.fault.Caller.OTHER_VOLUNTEER;
import static org.zhiyuan.fault.Caller.OVERSEERS;
import static org.zhiyuan.fault.Caller.SIGNED_IN;
import static org.zhiyuan.fault.Caller.VOLUNTEER;
import static org.zhiyuan.fault.Caller.VOLUNTEERS;
import static org.zhiyuan.fault.Scene.REASON;
import static org.zhiyuan.fault.Scene.REGION;
import static org.zhiyuan.fault.Scene.STREET;

/**
 * Every endpoint of the API, called by every kind of {@link Caller} against objects of
 * organization A in region R1: the calls the table allows succeed, every other call is
 * refused — 401 without a token, else 403, or 404 where the platform hides that the
 * object exists — and never succeeds. An endpoint missing from the table fails
 * {@link #knowsEveryEndpoint}: add its row.
 * <p>
 * Allowed writes get an object of their own, so that each allowed caller finds it in the
 * state the call needs; refused callers share one.
 */
class AuthorizationMatrixApiTests extends ApiTestSupport {

	/**
	 * The volunteer concerned, the admins of the organization, and its region's
	 * overseers.
	 */
	private static final Set<Caller> READERS = EnumSet.of(VOLUNTEER, ORG_ADMIN, OPERATOR, AUDITOR, NATIONAL_OPERATOR);

	/** The organization's admins and its region's overseers. */
	private static final Set<Caller> INSIDERS = EnumSet.of(ORG_ADMIN, OPERATOR, AUDITOR, NATIONAL_OPERATOR);

	/** The organization's admins and its region's operators. */
	private static final Set<Caller> MANAGERS = EnumSet.of(ORG_ADMIN, OPERATOR, NATIONAL_OPERATOR);

	private static final Set<Caller> ONLY_ORG_ADMIN = EnumSet.of(ORG_ADMIN);

	private static final Set<Caller> ONLY_VOLUNTEER = EnumSet.of(VOLUNTEER);

	private static final Map<String, Object> AT_THE_SITE = Map.of("lat", 39.9088, "lng", 116.4446, "accuracyMeters",
			15);

	/** Every endpoint, who may call it, and on what. */
	private static final List<Case> MATRIX = List.of(
			// accounts
			get("/api/v1/accounts/me").allow(SIGNED_IN),
			post("/api/v1/accounts/me/password")
				.on((s) -> Target.none()
					.body(Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "Changed-pass-2026"))
					.playedByNewcomers())
				.allow(SIGNED_IN),
			post("/api/v1/staff").on((s) -> Target.none().body(staff())).allow(OPERATORS),
			get("/api/v1/staff").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			post("/api/v1/auth/token")
				.on((s) -> Target.none()
					.body(Map.of("username", s.volunteer().username(), "password", Fixtures.PASSWORD)))
				.allow(EVERYONE),
			post("/api/v1/auth/password-reset").on((s) -> Target.none().body(Map.of("phone", Identities.phone())))
				.allow(EVERYONE),
			post("/api/v1/auth/password-reset/confirm").on((s) -> Target.none().body(s.passwordResetBody()))
				.allow(EVERYONE),
			// places (the map picker's search)
			get("/api/v1/places").on((s) -> Target.none().query("q=%E7%A4%BE%E5%8C%BA")).allow(SIGNED_IN),
			// volunteers
			post("/api/v1/volunteers").on((s) -> Target.none().body(registration())).allow(EVERYONE),
			get("/api/v1/volunteers").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/volunteers/me").allow(VOLUNTEERS),
			get("/api/v1/volunteers/{id}").on(AuthorizationMatrixApiTests::member).allow(READERS),
			get("/api/v1/volunteers/{id}").named("outside the organization").on((s) -> {
				Person outsider = s.volunteer();
				return Target.of("id", outsider.volunteerId()).playing(VOLUNTEER, outsider);
			}).allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			get("/api/v1/volunteers/{id}").named("invited, not yet a member")
				.on(AuthorizationMatrixApiTests::invited)
				.allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			get("/api/v1/volunteers/me/profile").allow(VOLUNTEERS),
			get("/api/v1/volunteers/{id}/profile").on(AuthorizationMatrixApiTests::member).allow(READERS),
			get("/api/v1/volunteers/{id}/profile").named("invited, not yet a member")
				.on(AuthorizationMatrixApiTests::invited)
				.allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			put("/api/v1/volunteers/me/profile").on((s) -> Target.none().body(profile())).allow(VOLUNTEERS),
			post("/api/v1/volunteers/me/qualifications")
				.on((s) -> Target.none().body(Map.of("name", "急救员证", "issuer", "红十字会")))
				.allow(VOLUNTEERS),
			delete("/api/v1/volunteers/me/qualifications/{qualificationId}").on((s) -> {
				Person volunteer = s.volunteer();
				return Target.of("qualificationId", s.qualification(volunteer)).playing(VOLUNTEER, volunteer);
			}).allow(ONLY_VOLUNTEER),
			post("/api/v1/volunteers/{id}/qualifications/{qualificationId}/confirmation").on((s) -> {
				Person member = s.memberOf(s.team());
				return Target.of("id", member.volunteerId())
					.and("qualificationId", s.qualification(member))
					.playing(VOLUNTEER, member);
			}).allow(ORG_ADMIN, OPERATOR, NATIONAL_OPERATOR),
			post("/api/v1/volunteers/{id}/qualifications/{qualificationId}/confirmation")
				.named("invited, not yet a member")
				.on((s) -> {
					Person invited = s.invitedTo(s.team());
					return Target.of("id", invited.volunteerId())
						.and("qualificationId", s.qualification(invited))
						.playing(VOLUNTEER, invited);
				})
				.allow(OPERATOR, NATIONAL_OPERATOR),
			post("/api/v1/volunteers/me/party-report-ins").on((s) -> Target.none()
				.body(Map.of("regionCode", STREET, "communityName", "建外街道某社区", "reportedOn",
						LocalDate.now().minusDays(3).toString())))
				.allow(VOLUNTEERS),
			get("/api/v1/volunteers/me/export").allow(VOLUNTEERS),
			get("/api/v1/volunteers/me/export.xlsx").allow(VOLUNTEERS),
			post("/api/v1/volunteers/me/deregistration")
				.on((s) -> Target.none().body(Map.of("password", Fixtures.PASSWORD)).playedByNewcomers())
				.allow(VOLUNTEERS),
			get("/api/v1/volunteers/me/records").allow(VOLUNTEERS),
			get("/api/v1/volunteers/{id}/records").on(AuthorizationMatrixApiTests::member).allow(READERS),
			get("/api/v1/volunteers/{id}/records").named("invited, not yet a member")
				.on(AuthorizationMatrixApiTests::invited)
				.allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			get("/api/v1/volunteers/{id}/records/verification").on(AuthorizationMatrixApiTests::member).allow(READERS),
			get("/api/v1/volunteers/me/signups").allow(VOLUNTEERS),
			// organizations
			post("/api/v1/organizations").on((s) -> Target.none().body(application())).allow(SIGNED_IN),
			get("/api/v1/organizations").allow(EVERYONE),
			get("/api/v1/organizations/supervised").on((s) -> Target.none().query("regionCode=" + REGION))
				.allow(OVERSEERS),
			get("/api/v1/organizations/mine").allow(SIGNED_IN),
			get("/api/v1/organizations/{id}").on((s) -> organization(s, s.team())).allow(EVERYONE),
			get("/api/v1/organizations/{id}").named("pending")
				.on((s) -> application(s.pendingTeam()))
				.allow(ORG_ADMIN, OPERATOR, AUDITOR, NATIONAL_OPERATOR)
				.hiddenFromOthers(),
			post("/api/v1/organizations/{id}/approve").on((s) -> application(s.pendingTeam())).allow(OPERATORS),
			post("/api/v1/organizations/{id}/reject").on((s) -> application(s.pendingTeam()).body(reason()))
				.allow(OPERATORS),
			post("/api/v1/organizations/{id}/warnings").on((s) -> organization(s, s.newTeam()).body(reason()))
				.allow(OPERATORS),
			post("/api/v1/organizations/{id}/suspend").on((s) -> organization(s, s.newTeam()).body(reason()))
				.allow(OPERATORS),
			post("/api/v1/organizations/{id}/reinstate").on((s) -> application(s.suspendedTeam()).body(reason()))
				.allow(OPERATORS),
			post("/api/v1/organizations/{id}/close").on((s) -> organization(s, s.newTeam()).body(reason()))
				.allow(OPERATORS),
			get("/api/v1/organizations/{id}/history").on((s) -> organization(s, s.team())).allow(INSIDERS),
			get("/api/v1/organizations/{id}/members").on((s) -> organization(s, s.team())).allow(INSIDERS),
			post("/api/v1/organizations/{id}/members")
				.on((s) -> organization(s, s.team())
					.body(Map.of("volunteerId", s.volunteer().volunteerId().toString(), "role", "MEMBER")))
				.allow(MANAGERS),
			get("/api/v1/volunteers/me/invitations").allow(VOLUNTEERS),
			post("/api/v1/volunteers/me/invitations/{organizationId}/acceptance")
				.on(AuthorizationMatrixApiTests::invitation)
				.allow(ONLY_VOLUNTEER),
			post("/api/v1/volunteers/me/invitations/{organizationId}/declination")
				.on(AuthorizationMatrixApiTests::invitation)
				.allow(ONLY_VOLUNTEER),
			post("/api/v1/organizations/{id}/join-requests").on((s) -> {
				Team team = s.newTeam();
				return Target.of("id", team.id()).playing(ORG_ADMIN, team.admin()).playing(VOLUNTEER, s.volunteer());
			})
				.allow(VOLUNTEER, OTHER_VOLUNTEER, OTHER_ORG_ADMIN)
				.deniedAlsoWith(409, "the team's own admin is already a member"),
			post("/api/v1/organizations/{id}/members/{volunteerId}/approve").on((s) -> joining(s, s.team()))
				.allow(MANAGERS),
			post("/api/v1/organizations/{id}/members/{volunteerId}/reject").on((s) -> joining(s, s.team()))
				.allow(MANAGERS),
			delete("/api/v1/organizations/{id}/members/{volunteerId}").on((s) -> {
				Person member = s.memberOf(s.team());
				return Target.of("id", s.team().id())
					.and("volunteerId", member.volunteerId())
					.playing(VOLUNTEER, member);
			}).allow(VOLUNTEER, ORG_ADMIN, OPERATOR, NATIONAL_OPERATOR),
			get("/api/v1/organizations/{id}/roster.xlsx").on((s) -> organization(s, s.team())).allow(INSIDERS),
			get("/api/v1/organizations/import-template.xlsx").allow(SIGNED_IN),
			post("/api/v1/organizations/{id}/imports")
				.on((s) -> organization(s, s.team()).body(new Upload(Scene.importTemplate())))
				.allow(MANAGERS),
			get("/api/v1/organizations/{id}/imports/{importId}")
				.on((s) -> organization(s, s.team()).and("importId", s.importOf(s.team())))
				.allow(MANAGERS),
			get("/api/v1/organizations/{id}/imports/{importId}/rows")
				.on((s) -> organization(s, s.team()).and("importId", s.importOf(s.team())))
				.allow(MANAGERS),
			get("/api/v1/organizations/{id}/activities").on((s) -> organization(s, s.team())).allow(EVERYONE),
			get("/api/v1/organizations/{id}/amendments").on((s) -> organization(s, s.team())).allow(INSIDERS),
			get("/api/v1/organizations/{id}/overdue-records").on((s) -> organization(s, s.team())).allow(INSIDERS),
			// activities and projects
			post("/api/v1/activities").on((s) -> Target.none().body(s.activityBody(s.team()))).allow(ONLY_ORG_ADMIN),
			post("/api/v1/activities/past")
				.on((s) -> Target.none().body(Map.of("activity", s.pastActivityBody(s.team()), "reason", "线下开展，活动后补录")))
				.allow(MANAGERS),
			patch("/api/v1/activities/{id}").on((s) -> activity(s.draft(s.team())).body(Map.of("title", "改期后的助老服务")))
				.allow(ONLY_ORG_ADMIN),
			post("/api/v1/activities/{id}/publish").on((s) -> activity(s.draft(s.team()))).allow(ONLY_ORG_ADMIN),
			post("/api/v1/activities/{id}/review")
				.on((s) -> activity(s.pendingBackfill(s.team())).body(Map.of("decision", "APPROVE")))
				.allow(OPERATORS),
			get("/api/v1/activity-reviews").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			post("/api/v1/activities/{id}/cancel").on((s) -> activity(s.recruiting(s.team())).body(reason()))
				.allow(MANAGERS),
			post("/api/v1/activities/{id}/archive").on((s) -> activity(s.cancelled(s.team()))).allow(ONLY_ORG_ADMIN),
			post("/api/v1/activities/{id}/copy").on((s) -> activity(s.recruiting(s.team()))).allow(ONLY_ORG_ADMIN),
			post("/api/v1/activity-series")
				.on((s) -> Target.none()
					.body(Map.of("activity", s.activityBody(s.team()), "repeat",
							Map.of("frequency", "WEEKLY", "count", 2))))
				.allow(ONLY_ORG_ADMIN),
			get("/api/v1/activities").allow(EVERYONE),
			get("/api/v1/activities/{id}").on((s) -> activity(s.recruiting(s.team()))).allow(EVERYONE),
			get("/api/v1/activities/{id}").named("draft")
				.on((s) -> activity(s.draft(s.team())))
				.allow(INSIDERS)
				.hiddenFromOthers(),
			post("/api/v1/projects")
				.on((s) -> Target.none()
					.body(Map.of("organizationId", s.team().id().toString(), "name", "邻里守望", "field", "ELDERLY_CARE",
							"level", "COMMUNITY")))
				.allow(ONLY_ORG_ADMIN),
			get("/api/v1/projects").allow(EVERYONE),
			post("/api/v1/projects/{id}/brand")
				.on((s) -> Target.of("id", s.project(s.team())).body(Map.of("brand", true)))
				.allow(OPERATORS),
			// sign-ups
			post("/api/v1/activities/{id}/signups").on((s) -> {
				Activity activity = s.recruiting(s.team());
				return activity(activity).body(Map.of("positionId", activity.positionId().toString()))
					.playing(VOLUNTEER, s.volunteer());
			}).allow(VOLUNTEERS), post("/api/v1/activities/{id}/signups/shifts").on((s) -> {
				Activity activity = s.recruiting(s.team());
				return activity(activity).body(Map.of("positionIds", List.of(activity.positionId().toString())))
					.playing(VOLUNTEER, s.volunteer());
			}).allow(VOLUNTEERS), post("/api/v1/activities/{id}/signups/group").on((s) -> {
				Activity activity = s.recruiting(s.team());
				return activity(activity).body(Map.of("positionId", activity.positionId().toString(), "volunteerIds",
						List.of(s.memberOf(s.team()).volunteerId().toString())));
			}).allow(ONLY_ORG_ADMIN), post("/api/v1/activities/{id}/signups/direct").on((s) -> {
				Activity activity = s.recruiting(s.team());
				return activity(activity).body(Map.of("positionId", activity.positionId().toString(), "volunteerId",
						s.volunteer().volunteerId().toString(), "reason", REASON));
			}).allow(MANAGERS), get("/api/v1/signups/{id}").on((s) -> signup(s, s.recruiting(s.team()))).allow(READERS),
			post("/api/v1/signups/{id}/approve").on((s) -> signup(s, s.recruiting(s.team(), "MANUAL"))).allow(MANAGERS),
			post("/api/v1/signups/{id}/reject").on((s) -> signup(s, s.recruiting(s.team(), "MANUAL")).body(reason()))
				.allow(MANAGERS),
			delete("/api/v1/signups/{id}")
				.on((s) -> signup(s, s.recruiting(s.team())).query("reason=%E6%95%85%E9%9A%9C"))
				.allow(VOLUNTEER, ORG_ADMIN, OPERATOR, NATIONAL_OPERATOR),
			post("/api/v1/signups/{id}/cancel").on((s) -> signup(s, s.recruiting(s.team())).body(reason()))
				.allow(VOLUNTEER, ORG_ADMIN, OPERATOR, NATIONAL_OPERATOR),
			get("/api/v1/activities/{id}/signups").on((s) -> activity(s.recruiting(s.team()))).allow(INSIDERS),
			// attendance
			post("/api/v1/activities/{id}/checkin-codes").on((s) -> activity(s.running(s.team()))).allow(MANAGERS),
			post("/api/v1/attendance/check-in").on((s) -> {
				Activity running = s.running(s.team());
				return Target.none()
					.body(Map.of("code", s.checkinCode(running), "location", AT_THE_SITE))
					.playing(VOLUNTEER, s.signedUp(running));
			}).allow(ONLY_VOLUNTEER), post("/api/v1/attendance/check-out").on((s) -> {
				Activity running = s.running(s.team());
				Person volunteer = s.signedUp(running);
				s.checkIn(running, volunteer);
				return Target.none()
					.body(Map.of("code", s.checkinCode(running), "location", AT_THE_SITE))
					.playing(VOLUNTEER, volunteer);
			}).allow(ONLY_VOLUNTEER).deniedAlsoWith(409, "a check-out acts on the caller's own attendance only"),
			post("/api/v1/activities/{id}/attendance/check-in").on((s) -> {
				Activity running = s.running(s.team());
				return activity(running).body(manualEntry(s.signedUp(running)));
			}).allow(MANAGERS), post("/api/v1/activities/{id}/attendance/check-out").on((s) -> {
				Activity running = s.running(s.team());
				Person volunteer = s.signedUp(running);
				s.checkIn(running, volunteer);
				return activity(running).body(manualEntry(volunteer));
			}).allow(MANAGERS), post("/api/v1/activities/{id}/attendance/bulk").on((s) -> {
				Activity running = s.running(s.team());
				return activity(running).body(bulkEntry(s.signedUp(running)));
			}).allow(MANAGERS),
			get("/api/v1/activities/{id}/attendance").on((s) -> activity(s.running(s.team()))).allow(INSIDERS),
			// service records
			post("/api/v1/records")
				.on((s) -> Target.none().body(s.recordBody(s.finished(s.team()), s.person(VOLUNTEER))))
				.allow(ONLY_ORG_ADMIN),
			get("/api/v1/records/{id}").on((s) -> record(s.recorded(s.team()))).allow(READERS),
			post("/api/v1/records/{id}/amendments")
				.on((s) -> record(s.recorded(s.team())).body(Map.of("hours", "1.50", "reason", REASON)))
				.allow(ONLY_VOLUNTEER),
			get("/api/v1/records/{id}/amendments").on((s) -> record(s.recorded(s.team()))).allow(READERS),
			post("/api/v1/amendments/{id}/approve").on(AuthorizationMatrixApiTests::amendment).allow(ONLY_ORG_ADMIN),
			post("/api/v1/amendments/{id}/reject").on(AuthorizationMatrixApiTests::amendment).allow(ONLY_ORG_ADMIN),
			post("/api/v1/records/{id}/resolution").named("held check-out")
				.on((s) -> record(s.held(s.team())).body(Map.of("outcome", "VOID", "note", REASON)))
				.allow(MANAGERS),
			post("/api/v1/records/{id}/resolution").named("flagged NO_SIGNUP, for the region's operators")
				.on((s) -> record(s.recorded(s.team())).body(Map.of("outcome", "VOID", "note", REASON)))
				.allow(OPERATORS),
			get("/api/v1/records/flagged").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/organizations/{id}/flagged-records").on((s) -> organization(s, s.team())).allow(INSIDERS),
			get("/api/v1/records/verification").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/records/overdue").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/regions/{code}/star-thresholds").on((s) -> Target.of("code", STREET)).allow(EVERYONE),
			get("/api/v1/regions/{code}/settings").on((s) -> Target.of("code", STREET)).allow(OPERATORS),
			// statistics: a region's overseers read its figures; only operators reconcile
			get("/api/v1/stats/overview").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/stats/breakdown").on((s) -> Target.none().query("regionCode=" + STREET + "&by=REGION"))
				.allow(OVERSEERS),
			get("/api/v1/stats/rankings")
				.on((s) -> Target.none().query("regionCode=" + REGION + "&by=ORGANIZATION_HOURS"))
				.allow(OVERSEERS),
			get("/api/v1/stats/reconciliation").on((s) -> Target.none().query("regionCode=" + STREET)).allow(OPERATORS),
			put("/api/v1/regions/{code}/settings")
				.on((s) -> Target.of("code", STREET)
					.body(Map.of("activityReview", "HIGH_RISK", "starThresholds",
							List.of("100", "300", "600", "1000", "1500"))))
				.allow(OPERATORS),
			put("/api/v1/regions/{code}/star-thresholds")
				.on((s) -> Target.of("code", STREET)
					.body(Map.of("hours", List.of("100", "300", "600", "1000", "1500"))))
				.allow(OPERATORS),
			// certificates
			post("/api/v1/certificates").on((s) -> {
				Recorded record = s.recorded(s.team());
				return Target.none()
					.body(Scene.certificateBody(record.volunteer()))
					.playing(VOLUNTEER, record.volunteer());
			}).allow(VOLUNTEER, ORG_ADMIN),
			get("/api/v1/certificates/{number}").on(AuthorizationMatrixApiTests::certificate).allow(READERS),
			get("/api/v1/certificates/{number}/pdf").on(AuthorizationMatrixApiTests::certificate).allow(READERS),
			get("/api/v1/certificates/{number}/verification").on(AuthorizationMatrixApiTests::certificate)
				.allow(EVERYONE),
			post("/api/v1/certificates/verification").on((s) -> Target.none().body(new Upload(Scene.seal())))
				.allow(EVERYONE),
			post("/api/v1/certificates/{number}/revocation").on((s) -> certificate(s).body(reason())).allow(MANAGERS),
			get("/api/v1/volunteers/me/certificates").allow(VOLUNTEERS),
			get("/api/v1/organizations/{id}/certificates").on((s) -> organization(s, s.team())).allow(INSIDERS),
			put("/api/v1/organizations/{id}/seal").on((s) -> organization(s, s.team()).body(new Upload(Scene.seal())))
				.allow(ONLY_ORG_ADMIN),
			delete("/api/v1/organizations/{id}/seal").on((s) -> organization(s, s.team())).allow(ONLY_ORG_ADMIN),
			// needs (C12)
			post("/api/v1/residents").on((s) -> Target.none().body(Scene.residentBody())).allow(EVERYONE),
			get("/api/v1/residents/me").on((s) -> Target.none().playing(VOLUNTEER, s.resident())).allow(ONLY_VOLUNTEER),
			get("/api/v1/residents/me/needs").on((s) -> Target.none().playing(VOLUNTEER, s.resident()))
				.allow(ONLY_VOLUNTEER),
			post("/api/v1/organizations/{id}/menu-items")
				.on((s) -> Target.of("id", s.team().id()).body(Scene.menuItemBody()))
				.allow(ONLY_ORG_ADMIN),
			post("/api/v1/menu-items/{id}/withdrawal").on((s) -> Target.of("id", s.menuItem(s.team())))
				.allow(ONLY_ORG_ADMIN),
			get("/api/v1/menu-items").on((s) -> Target.none().query("regionCode=" + Scene.COMMUNITY)).allow(EVERYONE),
			post("/api/v1/needs").on((s) -> Target.none().body(Scene.needBody(true)).playing(VOLUNTEER, s.resident()))
				.allow(VOLUNTEER, OPERATOR, NATIONAL_OPERATOR),
			get("/api/v1/needs/{id}").on((s) -> {
				Person resident = s.resident();
				return Target.of("id", s.need(resident, s.team(), Scene.NeedStage.DISPATCHED))
					.playing(VOLUNTEER, resident);
			}).allow(READERS),
			get("/api/v1/needs").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/organizations/{id}/needs").on((s) -> Target.of("id", s.team().id())).allow(INSIDERS),
			get("/api/v1/volunteers/me/needs").allow(VOLUNTEERS),
			post("/api/v1/needs/{id}/dispatch")
				.on((s) -> Target.of("id", s.need(s.resident(), s.team(), Scene.NeedStage.SUBMITTED))
					.body(Map.of("organizationId", s.team().id().toString())))
				.allow(OPERATORS),
			post("/api/v1/needs/{id}/acceptance")
				.on((s) -> Target.of("id", s.need(s.resident(), s.team(), Scene.NeedStage.DISPATCHED)).body(Map.of()))
				.allow(VOLUNTEER, ORG_ADMIN),
			post("/api/v1/needs/{id}/completion")
				.on((s) -> Target.of("id", s.need(s.resident(), s.team(), Scene.NeedStage.ACCEPTED))
					.body(Scene.needCompletionBody()))
				.allow(VOLUNTEER, ORG_ADMIN),
			post("/api/v1/needs/{id}/rating").on((s) -> {
				Person resident = s.resident();
				return Target.of("id", s.need(resident, s.team(), Scene.NeedStage.DONE))
					.body(Map.of("stars", 5, "comment", "很满意"))
					.playing(VOLUNTEER, resident);
			}).allow(ONLY_VOLUNTEER), post("/api/v1/needs/{id}/cancellation").on((s) -> {
				Person resident = s.resident();
				return Target.of("id", s.need(resident, s.team(), Scene.NeedStage.DISPATCHED))
					.body(Map.of("reason", "邻居已经帮忙了"))
					.playing(VOLUNTEER, resident);
			}).allow(VOLUNTEER, OPERATOR, NATIONAL_OPERATOR),
			// insurance
			post("/api/v1/insurance-policies").on((s) -> Target.none().body(Scene.policyBody(s.team())))
				.allow(ONLY_ORG_ADMIN),
			get("/api/v1/insurance-policies/{id}").on((s) -> Target.of("id", s.policy(s.team()))).allow(INSIDERS),
			get("/api/v1/organizations/{id}/insurance-policies").on((s) -> organization(s, s.team())).allow(INSIDERS),
			post("/api/v1/insurance-policies/{id}/insured")
				.on((s) -> Target.of("id", s.policy(s.team()))
					.body(Map.of("volunteerIds", List.of(s.person(VOLUNTEER).volunteerId().toString()))))
				.allow(ONLY_ORG_ADMIN),
			get("/api/v1/insurance-policies/{id}/insured").on((s) -> Target.of("id", s.policy(s.team())))
				.allow(INSIDERS),
			get("/api/v1/insurance-policies/{id}/insured.xlsx").on((s) -> Target.of("id", s.policy(s.team())))
				.allow(INSIDERS),
			post("/api/v1/insurance-policies/{id}/imports")
				.on((s) -> Target.of("id", s.policy(s.team())).body(new Upload(InsuredSheet.template())))
				.allow(ONLY_ORG_ADMIN),
			post("/api/v1/activities/{id}/insurance").on((s) -> {
				Activity running = s.running(s.team());
				s.signedUp(running);
				return activity(running).body(Map.of("policyId", s.policy(s.team()).toString()));
			}).allow(ONLY_ORG_ADMIN),
			// training
			post("/api/v1/courses").on((s) -> Target.none().body(Scene.courseBody(s.team()))).allow(MANAGERS),
			get("/api/v1/courses").allow(EVERYONE),
			get("/api/v1/courses/{id}").on((s) -> Target.of("id", s.course(s.team()))).allow(EVERYONE),
			post("/api/v1/courses/{id}/sessions")
				.on((s) -> Target.of("id", s.course(s.team())).body(Scene.courseSessionBody()))
				.allow(MANAGERS),
			get("/api/v1/courses/{id}/sessions").on((s) -> Target.of("id", s.course(s.team()))).allow(EVERYONE),
			get("/api/v1/course-sessions/{id}").on((s) -> Target.of("id", s.courseSession(s.team(), false)))
				.allow(EVERYONE),
			post("/api/v1/course-sessions/{id}/enrolments").on((s) -> Target.of("id", s.courseSession(s.team(), false)))
				.allow(VOLUNTEERS),
			delete("/api/v1/course-sessions/{id}/enrolments/mine").on((s) -> {
				UUID[] session = new UUID[1];
				Person enrolled = s.enrolledIn(s.team(), session, false);
				return Target.of("id", session[0]).playing(VOLUNTEER, enrolled);
			}).allow(ONLY_VOLUNTEER),
			get("/api/v1/course-sessions/{id}/enrolments").on((s) -> Target.of("id", s.courseSession(s.team(), false)))
				.allow(INSIDERS),
			post("/api/v1/course-sessions/{id}/checkin-codes")
				.on((s) -> Target.of("id", s.courseSession(s.team(), true)))
				.allow(MANAGERS),
			post("/api/v1/course-sessions/check-in").on((s) -> {
				UUID[] session = new UUID[1];
				Person enrolled = s.enrolledIn(s.team(), session, true);
				return Target.none()
					.body(Map.of("code", s.courseSessionCode(s.team(), session[0])))
					.playing(VOLUNTEER, enrolled);
			}).allow(ONLY_VOLUNTEER), post("/api/v1/course-sessions/{id}/results").on((s) -> {
				UUID[] session = new UUID[1];
				Person enrolled = s.enrolledIn(s.team(), session, true);
				return Target.of("id", session[0])
					.body(Map.of("volunteerId", enrolled.volunteerId().toString(), "passed", true));
			}).allow(MANAGERS),
			post("/api/v1/course-sessions/{id}/results/import")
				.on((s) -> Target.of("id", s.courseSession(s.team(), true)).body(new Upload(Scene.resultsSheet())))
				.allow(MANAGERS),
			get("/api/v1/course-sessions/{id}/results-template.xlsx")
				.on((s) -> Target.of("id", s.courseSession(s.team(), true)))
				.allow(MANAGERS),
			get("/api/v1/volunteers/me/enrolments").allow(VOLUNTEERS),
			get("/api/v1/volunteers/me/training-records").allow(VOLUNTEERS),
			get("/api/v1/qualification-codes").allow(EVERYONE),
			get("/api/v1/training-teachers").on((s) -> Target.none().query("organizationId=" + s.team().id()))
				.allow(MANAGERS),
			// pairing (结对)
			post("/api/v1/beneficiaries").on((s) -> Target.none().body(Scene.beneficiaryBody(s.team())))
				.allow(MANAGERS),
			get("/api/v1/beneficiaries").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/beneficiaries/{id}").on(AuthorizationMatrixApiTests::pairedBeneficiary).allow(READERS),
			get("/api/v1/beneficiaries/{id}/contact").on(AuthorizationMatrixApiTests::pairedBeneficiary).allow(READERS),
			get("/api/v1/beneficiaries/{id}/pairings").on(AuthorizationMatrixApiTests::pairedBeneficiary)
				.allow(READERS),
			get("/api/v1/organizations/{id}/beneficiaries").on((s) -> organization(s, s.team())).allow(INSIDERS),
			post("/api/v1/pairings").on((s) -> Target.none().body(s.pairingBody(s.team(), s.memberOf(s.team()))))
				.allow(MANAGERS),
			get("/api/v1/pairings").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/pairings/missed-visits").on((s) -> Target.none().query("regionCode=" + REGION))
				.allow(OVERSEERS),
			get("/api/v1/pairings/continuity").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/pairings/{id}").on(AuthorizationMatrixApiTests::pairing).allow(READERS),
			get("/api/v1/pairings/{id}/history").on(AuthorizationMatrixApiTests::pairing).allow(READERS),
			get("/api/v1/pairings/{id}/visits").on(AuthorizationMatrixApiTests::pairing).allow(READERS),
			post("/api/v1/pairings/{id}/visits")
				.on((s) -> pairing(s).body(Map.of("location", AT_THE_SITE, "note", "测血压")))
				.allow(ONLY_VOLUNTEER),
			post("/api/v1/pairings/{id}/volunteer-changes")
				.on((s) -> pairing(s)
					.body(Map.of("volunteerId", s.memberOf(s.team()).volunteerId().toString(), "reason", REASON)))
				.allow(MANAGERS),
			post("/api/v1/pairings/{id}/end").on((s) -> pairing(s).body(reason())).allow(MANAGERS),
			get("/api/v1/organizations/{id}/pairings").on((s) -> organization(s, s.team())).allow(INSIDERS),
			get("/api/v1/organizations/{id}/missed-visits").on((s) -> organization(s, s.team())).allow(INSIDERS),
			get("/api/v1/volunteers/me/pairings").allow(VOLUNTEERS),
			// the time bank
			get("/api/v1/volunteers/{id}/time-account").on(AuthorizationMatrixApiTests::member)
				.allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			get("/api/v1/volunteers/{id}/time-account/entries").on(AuthorizationMatrixApiTests::member)
				.allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			post("/api/v1/time-transfers").on((s) -> {
				Scene.Related related = s.related(s.team());
				return Target.none()
					.body(Map.of("toVolunteerId", related.relative().volunteerId().toString(), "hours", "1.00", "kind",
							"GIFT"))
					.playing(VOLUNTEER, related.giver());
			}).allow(ONLY_VOLUNTEER).deniedAlsoWith(422, "a gift acts on the caller's own account and relatives"),
			// hours used for a service
			post("/api/v1/time-services").on((s) -> {
				Person giver = s.related(s.team()).giver();
				return Target.none()
					.body(Map.of("volunteerId", giver.volunteerId().toString(), "hours", "1.00", "description", "上门助浴"))
					.playing(VOLUNTEER, giver);
			}).allow(VOLUNTEER, OPERATOR, NATIONAL_OPERATOR), post("/api/v1/time-services/{id}/completion").on((s) -> {
				Scene.Held held = s.heldService(s.team());
				return Target.of("id", held.id()).playing(VOLUNTEER, held.volunteer());
			}).allow(OPERATORS), post("/api/v1/time-services/{id}/cancellation").on((s) -> {
				Scene.Held held = s.heldService(s.team());
				return Target.of("id", held.id()).playing(VOLUNTEER, held.volunteer());
			}).allow(VOLUNTEER, OPERATOR, NATIONAL_OPERATOR), get("/api/v1/me/time-services").allow(VOLUNTEERS),
			get("/api/v1/time-services").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/volunteers/{id}/credit").on(AuthorizationMatrixApiTests::member)
				.allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			get("/api/v1/time-bank/audit").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			// complaints and reports
			post("/api/v1/complaints").on((s) -> Target.none().body(Scene.anonymousComplaintBody(s.newTeam().id())))
				.allow(EVERYONE),
			post("/api/v1/complaints/tracking").on((s) -> Target.none().body(Map.of("trackingCode", s.trackingCode())))
				.allow(EVERYONE),
			post("/api/v1/complaints/{id}/attachments").on((s) -> {
				Scene.Complained complained = s.complaint("SUBMITTED");
				return Target.of("id", complained.id())
					.playing(VOLUNTEER, complained.complainant())
					.body(new Upload(Scene.evidencePdf()));
			}).allow(VOLUNTEER), get("/api/v1/complaints/{id}/attachments/{position}").on((s) -> {
				Scene.Complained complained = s.complaintWithFile();
				return Target.of("id", complained.id()).and("position", 1).playing(VOLUNTEER, complained.complainant());
			}).allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR), get("/api/v1/complaints/{id}").on((s) -> {
				Scene.Complained complained = s.complaint("SUBMITTED");
				return Target.of("id", complained.id()).playing(VOLUNTEER, complained.complainant());
			}).allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR), get("/api/v1/me/complaints").allow(SIGNED_IN),
			get("/api/v1/complaints").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			post("/api/v1/complaints/{id}/assignment")
				.on((s) -> Target.of("id", s.complaint("SUBMITTED").id())
					.body(Map.of("assigneeId", s.complaintHandler())))
				.allow(OPERATORS),
			post("/api/v1/complaints/{id}/investigation").on((s) -> Target.of("id", s.complaint("ASSIGNED").id()))
				.allow(OPERATORS),
			post("/api/v1/complaints/{id}/resolution")
				.on((s) -> Target.of("id", s.complaint("INVESTIGATING").id())
					.body(Map.of("outcome", "DISMISSED", "note", "查无实据。")))
				.allow(OPERATORS),
			// erasure requests
			post("/api/v1/me/erasure-requests")
				.on((s) -> Target.none().body(Map.of("scope", "PROFILE", "reason", REASON)).playedByNewcomers())
				.allow(VOLUNTEERS),
			get("/api/v1/me/erasure-requests").allow(VOLUNTEERS),
			post("/api/v1/me/erasure-requests/{id}/withdrawal").on((s) -> {
				Scene.ErasureAsked asked = s.erasureRequest();
				return Target.of("id", asked.id()).playing(VOLUNTEER, asked.volunteer());
			}).allow(ONLY_VOLUNTEER),
			get("/api/v1/erasure-requests").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/erasure-requests").named("the caller's own regions")
				.allow(OPERATOR, AUDITOR, NATIONAL_OPERATOR, OTHER_OPERATOR, OTHER_AUDITOR),
			get("/api/v1/erasure-requests/{id}").on((s) -> {
				Scene.ErasureAsked asked = s.erasureRequest();
				return Target.of("id", asked.id()).playing(VOLUNTEER, asked.volunteer());
			}).allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			post("/api/v1/erasure-requests/{id}/decision")
				.on((s) -> Target.of("id", s.erasureRequest().id()).body(Map.of("decision", "REFUSE", "note", REASON)))
				.allow(OPERATORS),
			// commendation and the honour roll
			post("/api/v1/commendations").on((s) -> Target.none().body(Scene.commendationBody())).allow(OPERATORS),
			get("/api/v1/commendations").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/commendations/{id}").on((s) -> Target.of("id", s.commendation())).allow(EVERYONE),
			post("/api/v1/commendations/{id}/nominations")
				.on((s) -> Target.of("id", s.commendation())
					.body(Map.of("nomineeId", s.person(VOLUNTEER).volunteerId().toString(), "reason", REASON)))
				.allow(MANAGERS),
			// admins list their own organizations' nominations, none for organization B
			get("/api/v1/commendations/{id}/nominations").on((s) -> Target.of("id", s.nomination().commendationId()))
				.allow(ORG_ADMIN, OTHER_ORG_ADMIN, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			post("/api/v1/nominations/{id}/review")
				.on((s) -> Target.of("id", s.nomination().nominationId()).body(Map.of("decision", "APPROVE")))
				.allow(OPERATORS),
			post("/api/v1/commendations/{id}/notice")
				.on((s) -> Target.of("id", s.approvedNomination().commendationId()))
				.allow(OPERATORS),
			get("/api/v1/commendations/{id}/notice").on((s) -> Target.of("id", s.nominationInNotice().commendationId()))
				.allow(EVERYONE),
			post("/api/v1/nominations/{id}/objections")
				.on((s) -> Target.of("id", s.nominationInNotice().nominationId()).body(Map.of("reason", REASON)))
				.allow(SIGNED_IN),
			get("/api/v1/commendations/{id}/objections")
				.on((s) -> Target.of("id", s.nominationInNotice().commendationId()))
				.allow(OVERSEERS),
			post("/api/v1/objections/{id}/answer")
				.on((s) -> Target.of("id", s.commendationObjection()).body(Map.of("upheld", false, "note", REASON)))
				.allow(OPERATORS),
			post("/api/v1/commendations/{id}/awards").on((s) -> Target.of("id", s.commendationReadyToAward()))
				.allow(OPERATORS),
			get("/api/v1/honours").on((s) -> Target.none().query("regionCode=" + REGION)).allow(EVERYONE),
			get("/api/v1/me/awards").allow(SIGNED_IN), get("/api/v1/me/honour-roll").allow(VOLUNTEERS),
			put("/api/v1/me/honour-roll").on((s) -> Target.none().body(Map.of("shown", true))).allow(VOLUNTEERS),
			get("/api/v1/volunteers/{id}/awards").on(AuthorizationMatrixApiTests::member).allow(READERS),
			get("/api/v1/organizations/{id}/awards").on((s) -> Target.of("id", s.team().id())).allow(EVERYONE),
			// evaluations after a service
			put("/api/v1/records/{id}/evaluation")
				.on((s) -> record(s.recorded(s.team())).body(Map.of("stars", 4, "comment", REASON)))
				.allow(ONLY_ORG_ADMIN),
			put("/api/v1/records/{id}/activity-rating")
				.on((s) -> record(s.recorded(s.team())).body(Map.of("stars", 5, "comment", REASON)))
				.allow(ONLY_VOLUNTEER),
			get("/api/v1/me/evaluations").allow(VOLUNTEERS),
			get("/api/v1/activities/{id}/ratings").on((s) -> activity(s.finished(s.team()))).allow(EVERYONE),
			// emergency mobilization
			put("/api/v1/emergency/teams/{organizationId}")
				.on((s) -> Target.of("organizationId", s.newTeam().id()).body(Map.of("tier", "STREET")))
				.allow(OPERATORS),
			delete("/api/v1/emergency/teams/{organizationId}").on((s) -> Target.of("organizationId", s.emergencyTeam()))
				.allow(OPERATORS),
			get("/api/v1/emergency/teams").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			put("/api/v1/me/emergency-profile")
				.on((s) -> Target.none().body(Scene.emergencyProfileBody()).playedByNewcomers())
				.allow(VOLUNTEERS),
			// only the volunteer who gave one has a profile to read; the others' is not
			// found
			get("/api/v1/me/emergency-profile").on((s) -> Target.none().playing(VOLUNTEER, s.responder()))
				.allow(ONLY_VOLUNTEER),
			post("/api/v1/emergency/mobilizations").on((s) -> Target.none().body(s.mobilizationBody(s.responder())))
				.allow(OPERATORS),
			post("/api/v1/emergency/mobilizations/{id}/responses").on((s) -> {
				Scene.Called called = s.mobilization(null);
				return Target.of("id", called.id())
					.body(Map.of("answer", "ACCEPT"))
					.playing(VOLUNTEER, called.volunteer());
			}).allow(ONLY_VOLUNTEER), post("/api/v1/emergency/mobilizations/{id}/muster").on((s) -> {
				Scene.Called called = s.mobilization("ACCEPT");
				return Target.of("id", called.id()).body(s.musterBody(called)).playing(VOLUNTEER, called.volunteer());
			}).allow(ONLY_VOLUNTEER),
			get("/api/v1/emergency/mobilizations/{id}/board").on((s) -> Target.of("id", s.mobilization(null).id()))
				.allow(OVERSEERS),
			post("/api/v1/emergency/mobilizations/{id}/stand-down")
				.on((s) -> Target.of("id", s.mobilization(null).id()))
				.allow(OPERATORS),
			post("/api/v1/emergency/mobilizations/{id}/waves").on((s) -> Target.of("id", s.mobilization(null).id()))
				.allow(OPERATORS),
			get("/api/v1/emergency/mobilizations").on((s) -> Target.none().query("regionCode=" + REGION))
				.allow(OVERSEERS),
			get("/api/v1/emergency/mobilizations/{id}/people").on((s) -> Target.of("id", s.mobilization(null).id()))
				.allow(OVERSEERS),
			get("/api/v1/emergency/mobilizations/{id}/groups").on((s) -> Target.of("id", s.mobilization(null).id()))
				.allow(OVERSEERS),
			post("/api/v1/emergency/mobilizations/{id}/groups").on((s) -> {
				Scene.Called called = s.mobilization("ACCEPT");
				return Target.of("id", called.id()).body(s.groupBody(called));
			}).allow(OPERATORS), put("/api/v1/emergency/mobilizations/{id}/groups/{groupId}/members").on((s) -> {
				Scene.Grouped grouped = s.taskGroup();
				return Target.of("id", grouped.id())
					.and("groupId", grouped.groupId())
					.body(Map.of("volunteerIds", List.of(grouped.leader().volunteerId().toString())));
			}).allow(OPERATORS),
			get("/api/v1/emergency/mobilizations/{id}/muster-code")
				.on((s) -> Target.of("id", s.mobilization(null).id()))
				.allow(OPERATORS),
			get("/api/v1/me/emergency-calls").allow(VOLUNTEERS), get("/api/v1/me/emergency-calls/{id}").on((s) -> {
				Scene.Called called = s.mobilization(null);
				return Target.of("id", called.id()).playing(VOLUNTEER, called.volunteer());
			}).allow(ONLY_VOLUNTEER),
			// emergency duty rosters
			get("/api/v1/emergency/teams/{organizationId}/duty").on((s) -> duty(s.duty())).allow(READERS),
			get("/api/v1/emergency/teams/{organizationId}/duty/members").on((s) -> duty(s.duty()))
				.allow(VOLUNTEER, ORG_ADMIN, OPERATOR, NATIONAL_OPERATOR),
			put("/api/v1/emergency/teams/{organizationId}/duty/{day}/{shift}/members/{volunteerId}").on((s) -> {
				Scene.Duty duty = s.duty();
				return duty(duty).and("day", duty.day())
					.and("shift", "NIGHT")
					.and("volunteerId", duty.partner().volunteerId());
			}).allow(MANAGERS),
			delete("/api/v1/emergency/teams/{organizationId}/duty/{day}/{shift}/members/{volunteerId}").on((s) -> {
				Scene.Duty duty = s.duty();
				return duty(duty).and("day", duty.day())
					.and("shift", "DAY")
					.and("volunteerId", duty.member().volunteerId());
			}).allow(MANAGERS),
			get("/api/v1/emergency/teams/{organizationId}/duty/swaps").on((s) -> duty(s.duty())).allow(INSIDERS),
			post("/api/v1/emergency/teams/{organizationId}/duty/swaps").on((s) -> {
				Scene.Duty duty = s.duty();
				return duty(duty).body(Scene.swapBody(duty));
			}).allow(ONLY_VOLUNTEER),
			// the partner plays the volunteer: only they agree
			post("/api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/accept").on((s) -> swap(s.dutySwap(false)))
				.allow(ONLY_VOLUNTEER),
			post("/api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/approve").on((s) -> swap(s.dutySwap(true)))
				.allow(MANAGERS),
			post("/api/v1/emergency/teams/{organizationId}/duty/swaps/{id}/decline").on((s) -> swap(s.dutySwap(false)))
				.allow(VOLUNTEER, ORG_ADMIN, OPERATOR, NATIONAL_OPERATOR),
			get("/api/v1/me/emergency-duty").allow(VOLUNTEERS),
			// interoperability: the installation's keys
			post("/api/v1/installation-keys/rotation").allow(NATIONAL_OPERATOR),
			// interoperability: connected systems (OAuth 2.0 client credentials)
			post("/api/v1/clients").on((s) -> Target.none().body(Scene.apiClientBody())).allow(OPERATORS),
			get("/api/v1/clients").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OPERATORS),
			get("/api/v1/clients/{id}").on((s) -> Target.of("id", s.apiClient())).allow(OPERATORS),
			get("/api/v1/clients/{id}/calls").on((s) -> Target.of("id", s.apiClient())).allow(OPERATORS),
			post("/api/v1/clients/{id}/secret").on((s) -> Target.of("id", s.apiClient())).allow(OPERATORS),
			post("/api/v1/clients/{id}/revocation").on((s) -> Target.of("id", s.apiClient())).allow(OPERATORS),
			// interoperability: webhooks
			post("/api/v1/webhooks").on((s) -> Target.none().body(Scene.webhookBody())).allow(OPERATORS),
			get("/api/v1/webhooks").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/webhooks/{id}").on((s) -> Target.of("id", s.webhook())).allow(OVERSEERS),
			post("/api/v1/webhooks/{id}/secret").on((s) -> Target.of("id", s.webhook())).allow(OPERATORS),
			post("/api/v1/webhooks/{id}/disable").on((s) -> Target.of("id", s.webhook())).allow(OPERATORS),
			post("/api/v1/webhooks/{id}/enable").on((s) -> Target.of("id", s.webhook())).allow(OPERATORS),
			delete("/api/v1/webhooks/{id}").on((s) -> Target.of("id", s.webhook())).allow(OPERATORS),
			post("/api/v1/webhooks/{id}/test").on((s) -> Target.of("id", s.webhook())).allow(OPERATORS),
			get("/api/v1/webhooks/{id}/deliveries").on((s) -> Target.of("id", s.webhook())).allow(OVERSEERS),
			post("/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay").on((s) -> {
				Scene.WebhookDelivery delivery = s.webhookDelivery();
				return Target.of("id", delivery.webhookId()).and("deliveryId", delivery.deliveryId());
			}).allow(OPERATORS),
			// records that travel between installations
			get("/api/v1/volunteers/{id}/transfer-package").on((s) -> {
				Recorded recorded = s.recordedWithIdNumber(s.team());
				return Target.of("id", recorded.volunteer().volunteerId()).playing(VOLUNTEER, recorded.volunteer());
			}).allow(ONLY_VOLUNTEER), post("/api/v1/record-imports").on((s) -> {
				Person holder = s.registeredVolunteer();
				return Target.none()
					.body(Map.of("package", s.foreignPeer().signOne(holder.idNumber())))
					.playing(VOLUNTEER, holder);
			}).allow(ONLY_VOLUNTEER).deniedAlsoWith(422, "an import acts on the caller's own records"),
			post("/api/v1/volunteers/{id}/time-bank-transfer-out").on((s) -> {
				Person holder = s.timeBankHolder(s.team());
				return Target.of("id", holder.volunteerId())
					.body(Map.of("hours", "1.00"))
					.header("Idempotency-Key", java.util.UUID.randomUUID().toString())
					.playing(VOLUNTEER, holder);
			}).allow(ONLY_VOLUNTEER),
			post("/api/v1/peers").on((s) -> Target.none()
				.body(Map.of("name", "外部平台", "baseUrl", org.zhiyuan.interop.ForeignInstallation.generated().baseUrl(),
						"jwks", org.zhiyuan.interop.ForeignInstallation.generated().jwks().toJSONObject(true))))
				.allow(NATIONAL_OPERATOR),
			get("/api/v1/peers").allow(NATIONAL_OPERATOR),
			put("/api/v1/peers/{id}/keys")
				.on((s) -> Target.of("id", s.foreignPeer().id())
					.body(Map.of("jwks",
							org.zhiyuan.interop.ForeignInstallation.generated().jwks().toJSONObject(true))))
				.allow(NATIONAL_OPERATOR),
			delete("/api/v1/peers/{id}").on((s) -> Target.of("id", s.foreignPeer().id())).allow(NATIONAL_OPERATOR),
			// emergency plans
			post("/api/v1/emergency/plans").on((s) -> Target.none().body(s.planBody())).allow(OPERATORS),
			get("/api/v1/emergency/plans").on((s) -> Target.none().query("regionCode=" + REGION)).allow(OVERSEERS),
			get("/api/v1/emergency/plans/{id}").on((s) -> Target.of("id", s.plan())).allow(OVERSEERS),
			put("/api/v1/emergency/plans/{id}").on((s) -> Target.of("id", s.plan()).body(s.planChangeBody()))
				.allow(OPERATORS),
			delete("/api/v1/emergency/plans/{id}").on((s) -> Target.of("id", s.plan())).allow(OPERATORS),
			post("/api/v1/emergency/plans/{id}/mobilizations")
				.on((s) -> Target.of("id", s.plan()).body(s.planLaunchBody(s.responder())))
				.allow(OPERATORS),
			get("/api/v1/me/relatives").allow(VOLUNTEERS),
			post("/api/v1/me/relatives").on((s) -> Target.none().body(s.relativeBody(s.volunteer(), "PARENT")))
				.allow(VOLUNTEERS),
			post("/api/v1/relatives/{id}/confirmation").on((s) -> {
				Scene.Pending pending = s.pendingRelative();
				return Target.of("id", pending.id()).playing(VOLUNTEER, pending.relative());
			}).allow(ONLY_VOLUNTEER), post("/api/v1/relatives/{id}/refusal").on((s) -> {
				Scene.Pending pending = s.pendingRelative();
				return Target.of("id", pending.id()).playing(VOLUNTEER, pending.relative());
			}).allow(ONLY_VOLUNTEER), delete("/api/v1/relatives/{id}").on((s) -> {
				Scene.Pending pending = s.pendingRelative();
				return Target.of("id", pending.id()).playing(VOLUNTEER, pending.relative());
			}).allow(ONLY_VOLUNTEER),
			// points and rewards
			get("/api/v1/volunteers/{id}/points").on(AuthorizationMatrixApiTests::member)
				.allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			get("/api/v1/volunteers/{id}/points/entries").on(AuthorizationMatrixApiTests::member)
				.allow(VOLUNTEER, OPERATOR, AUDITOR, NATIONAL_OPERATOR),
			get("/api/v1/point-rules/{regionCode}").on((s) -> Target.of("regionCode", REGION)).allow(EVERYONE),
			put("/api/v1/point-rules/{regionCode}")
				.on((s) -> Target.of("regionCode", REGION)
					.body(Map.of("perHour", 10, "hardPerHour", 15, "emergencyPerHour", 20, "validMonths", 36)))
				.allow(OPERATORS),
			delete("/api/v1/point-rules/{regionCode}").on((s) -> Target.of("regionCode", REGION)).allow(OPERATORS),
			get("/api/v1/rewards").on((s) -> Target.none().query("regionCode=" + REGION)).allow(EVERYONE),
			get("/api/v1/rewards/{id}").on((s) -> Target.of("id", s.reward())).allow(EVERYONE),
			get("/api/v1/regions/{code}/rewards").on((s) -> Target.of("code", REGION)).allow(OVERSEERS),
			post("/api/v1/rewards")
				.on((s) -> Target.none().body(Map.of("regionCode", REGION, "title", "社区咖啡", "price", 10, "stock", 5)))
				.allow(OPERATORS),
			post("/api/v1/rewards/{id}/withdrawal").on((s) -> Target.of("id", s.reward())).allow(OPERATORS),
			post("/api/v1/rewards/{id}/check-key").on((s) -> Target.of("id", s.reward())).allow(OPERATORS),
			post("/api/v1/rewards/{id}/redemptions")
				.on((s) -> Target.of("id", s.reward()).playing(VOLUNTEER, s.pointsHolder()))
				.allow(ONLY_VOLUNTEER)
				.deniedAlsoWith(422, "a redemption spends the caller's own points, and others hold none"),
			get("/api/v1/me/redemptions").allow(VOLUNTEERS), post("/api/v1/redemptions/{id}/cancellation").on((s) -> {
				Scene.Redeemed redeemed = s.redeemed();
				return Target.of("id", redeemed.id()).playing(VOLUNTEER, redeemed.holder());
			}).allow(ONLY_VOLUNTEER),
			post("/api/v1/redemption-checks").on((s) -> Target.none().body(Map.of("code", s.redeemed().code())))
				.allow(OPERATORS)
				.hiddenFromOthers(),
			// stories (C19)
			post("/api/v1/stories").on((s) -> Target.none().body(Scene.storyBody(s.team().id()))).allow(ONLY_ORG_ADMIN),
			get("/api/v1/stories").on((s) -> Target.none().query("regionCode=" + REGION)).allow(EVERYONE),
			get("/api/v1/me/stories").allow(SIGNED_IN),
			get("/api/v1/stories/review-queue").allow(OPERATOR, OTHER_OPERATOR, NATIONAL_OPERATOR),
			get("/api/v1/stories/{id}").on((s) -> Target.of("id", s.story("PUBLISHED").id())).allow(EVERYONE),
			get("/api/v1/stories/{id}").named("a draft")
				.on((s) -> Target.of("id", s.story("DRAFT").id()))
				.allow(ORG_ADMIN, OPERATOR, AUDITOR, NATIONAL_OPERATOR)
				.hiddenFromOthers(),
			put("/api/v1/stories/{id}").on((s) -> Target.of("id", s.story("DRAFT").id()).body(Scene.storyChangeBody()))
				.allow(ONLY_ORG_ADMIN),
			post("/api/v1/stories/{id}/images")
				.on((s) -> Target.of("id", s.story("DRAFT").id()).body(new Upload(Scene.seal())))
				.allow(ONLY_ORG_ADMIN),
			get("/api/v1/stories/{id}/images/{imageId}").on((s) -> {
				Scene.Storied story = s.story("PUBLISHED");
				return Target.of("id", story.id()).and("imageId", story.imageId());
			}).allow(EVERYONE), get("/api/v1/stories/{id}/images/{imageId}").named("of a draft").on((s) -> {
				Scene.Storied story = s.story("DRAFT");
				return Target.of("id", story.id()).and("imageId", story.imageId());
			}).allow(ORG_ADMIN, OPERATOR, AUDITOR, NATIONAL_OPERATOR).hiddenFromOthers(),
			delete("/api/v1/stories/{id}/images/{imageId}").on((s) -> {
				Scene.Storied story = s.story("DRAFT");
				return Target.of("id", story.id()).and("imageId", story.imageId());
			}).allow(ONLY_ORG_ADMIN),
			post("/api/v1/stories/{id}/submission").on((s) -> Target.of("id", s.story("DRAFT").id()))
				.allow(ONLY_ORG_ADMIN),
			post("/api/v1/stories/{id}/review")
				.on((s) -> Target.of("id", s.story("SUBMITTED").id()).body(Map.of("decision", "PUBLISH")))
				.allow(OPERATORS),
			post("/api/v1/stories/{id}/withdrawal").on((s) -> Target.of("id", s.story("SUBMITTED").id()))
				.allow(ONLY_ORG_ADMIN),
			post("/api/v1/stories/{id}/take-down")
				.on((s) -> Target.of("id", s.story("PUBLISHED").id()).body(Map.of("reason", REASON)))
				.allow(OPERATORS),
			// recommendations
			get("/api/v1/volunteers/me/recommendations").allow(VOLUNTEERS),
			get("/api/v1/volunteers/me/home-point").allow(VOLUNTEERS),
			put("/api/v1/volunteers/me/home-point")
				.on((s) -> Target.none().body(Map.of("lat", 39.9087, "lng", 116.4445)))
				.allow(VOLUNTEERS),
			delete("/api/v1/volunteers/me/home-point").allow(VOLUNTEERS),
			// stations
			post("/api/v1/stations").on((s) -> Target.none().body(Scene.stationBody())).allow(OPERATORS),
			put("/api/v1/stations/{id}").on((s) -> Target.of("id", s.station(true)).body(Scene.stationBody()))
				.allow(OPERATORS),
			post("/api/v1/stations/{id}/close").on((s) -> Target.of("id", s.station(true)).body(reason()))
				.allow(OPERATORS),
			post("/api/v1/stations/{id}/reopen").on((s) -> Target.of("id", s.station(false))).allow(OPERATORS),
			get("/api/v1/stations").allow(EVERYONE),
			get("/api/v1/stations/{id}").on((s) -> Target.of("id", s.station(true))).allow(EVERYONE),
			// notifications and audit
			get("/api/v1/notifications").allow(SIGNED_IN), get("/api/v1/notifications/unread-count").allow(SIGNED_IN),
			post("/api/v1/notifications/{id}/read").on((s) -> {
				Person volunteer = s.volunteer();
				return Target.of("id", s.notification(volunteer)).playing(VOLUNTEER, volunteer);
			}).allow(ONLY_VOLUNTEER), post("/api/v1/notifications/read-all").allow(SIGNED_IN),
			get("/api/v1/audit-events").allow(OPERATOR, OTHER_OPERATOR, AUDITOR, OTHER_AUDITOR, NATIONAL_OPERATOR),
			// who has seen my data: everyone signed in, about themself only
			get("/api/v1/me/data-accesses").allow(SIGNED_IN),
			// what a registration accepts
			get("/api/v1/consents").allow(EVERYONE),
			// regions
			get("/api/v1/regions").allow(EVERYONE),
			get("/api/v1/regions/{code}").on((s) -> Target.of("code", REGION)).allow(EVERYONE),
			get("/api/v1/regions/{code}/children").on((s) -> Target.of("code", REGION)).allow(EVERYONE));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organizations organizations;

	@Autowired
	Activities activities;

	@Autowired
	Notifications notifications;

	@Autowired
	VolunteerImports imports;

	@Test
	void knowsEveryEndpoint() {
		Set<String> known = new TreeSet<>();
		MATRIX.forEach((row) -> known.add(row.endpoint()));
		Set<String> mapped = ApiEndpoints.of(this.mapping);
		assertThat(mapped).as("endpoints without a row in the authorization matrix").isSubsetOf(known);
		assertThat(known).as("rows of the authorization matrix for endpoints that no longer exist").isSubsetOf(mapped);
	}

	@TestFactory
	Stream<DynamicTest> onlyTheAllowedCallsSucceed() {
		Scene scene = new Scene(this.fixtures, this.api, this.jdbc, this.organizations, this.activities,
				this.notifications, this.imports, this.sentMessages);
		return MATRIX.stream().map((row) -> DynamicTest.dynamicTest(row.toString(), () -> check(scene, row)));
	}

	private void check(Scene scene, Case row) {
		List<String> failures = new ArrayList<>();
		Target shared = row.target().apply(scene);
		boolean sharedUsed = false;
		List<Caller> order = new ArrayList<>(EnumSet.complementOf(EnumSet.copyOf(row.allowed())));
		order.addAll(row.allowed());
		for (Caller caller : order) {
			boolean allowed = row.allowed().contains(caller);
			Target target = shared;
			if (allowed && row.isWrite()) {
				target = sharedUsed ? row.target().apply(scene) : shared;
				sharedUsed = true;
			}
			Response response = row.exchange(target).send(this.port, token(scene, scene.person(caller, target)));
			String verdict = verdict(row, caller, allowed, response);
			if (verdict != null) {
				failures.add(caller + ": " + verdict + " — " + response.status() + " "
						+ Exchange.abbreviate(response.body()));
			}
		}
		assertThat(failures).as(row.toString()).isEmpty();
	}

	private static String verdict(Case row, Caller caller, boolean allowed, Response response) {
		int status = response.status();
		if (allowed) {
			return (status >= 200 && status < 300) ? null : "allowed, but refused";
		}
		if (status < 400) {
			return "must be refused, but succeeded";
		}
		Set<Integer> refusals = new TreeSet<>();
		if (caller == ANONYMOUS) {
			refusals.add(row.isHidden() ? 404 : 401);
		}
		else {
			refusals.addAll(Set.of(403, 404));
			refusals.addAll(row.alsoDeniedWith());
		}
		if (!refusals.contains(status)) {
			return "must be refused with one of " + refusals;
		}
		String type = response.header("Content-Type");
		return (type != null && type.startsWith("application/problem+json")) ? null : "refused without problem+json";
	}

	private static String token(Scene scene, Person person) {
		return (person != null) ? scene.token(person) : null;
	}

	// targets

	private static Target member(Scene scene) {
		return Target.of("id", scene.person(VOLUNTEER).volunteerId());
	}

	/**
	 * A volunteer of R1 whom organization A invited and who has not accepted: its admins
	 * may see nothing of them yet.
	 */
	private static Target invited(Scene scene) {
		Person invited = scene.invitedTo(scene.team());
		return Target.of("id", invited.volunteerId()).playing(VOLUNTEER, invited);
	}

	/** Organization A's invitation, waiting for the invited volunteer in the part. */
	private static Target invitation(Scene scene) {
		Person invited = scene.invitedTo(scene.team());
		return Target.of("organizationId", scene.team().id()).playing(VOLUNTEER, invited);
	}

	/** An emergency team, with its leader and the member on duty in their parts. */
	private static Target duty(Scene.Duty duty) {
		return Target.of("organizationId", duty.team().id())
			.playing(ORG_ADMIN, duty.team().admin())
			.playing(VOLUNTEER, duty.member());
	}

	/** A swap, with the team's leader and the member asked in their parts. */
	private static Target swap(Scene.DutySwapAsked swap) {
		return Target.of("organizationId", swap.duty().team().id())
			.and("id", swap.id())
			.playing(ORG_ADMIN, swap.duty().team().admin())
			.playing(VOLUNTEER, swap.duty().partner());
	}

	/** An active organization, with its admin and a member in their parts. */
	private static Target organization(Scene scene, Team team) {
		if (team.equals(scene.team())) {
			return Target.of("id", team.id());
		}
		return application(team).playing(VOLUNTEER, scene.memberOf(team));
	}

	/** An organization that takes no members now, with its admin in the part. */
	private static Target application(Team team) {
		return Target.of("id", team.id()).playing(ORG_ADMIN, team.admin());
	}

	/** A volunteer who asked to join the team, in the part of the volunteer. */
	private static Target joining(Scene scene, Team team) {
		Person asking = scene.askingToJoin(team);
		return Target.of("id", team.id()).and("volunteerId", asking.volunteerId()).playing(VOLUNTEER, asking);
	}

	private static Target activity(Activity activity) {
		return Target.of("id", activity.id());
	}

	/** A new volunteer's sign-up for the activity: approved, or pending when manual. */
	private static Target signup(Scene scene, Activity activity) {
		Person volunteer = scene.volunteer();
		return Target.of("id", scene.signUp(activity, volunteer)).playing(VOLUNTEER, volunteer);
	}

	private static Target record(Recorded record) {
		return Target.of("id", record.id()).playing(VOLUNTEER, record.volunteer());
	}

	/**
	 * A pairing of organization A with a new member, who plays the volunteer: the
	 * volunteer concerned.
	 */
	private static Target pairing(Scene scene) {
		Person paired = scene.memberOf(scene.team());
		return Target.of("id", scene.pairing(scene.team(), paired)).playing(VOLUNTEER, paired);
	}

	/** The beneficiary of such a pairing, with its volunteer in the part. */
	private static Target pairedBeneficiary(Scene scene) {
		Person paired = scene.memberOf(scene.team());
		UUID pairing = scene.pairing(scene.team(), paired);
		String beneficiary = scene.as(scene.team().admin())
			.get("/api/v1/pairings/" + pairing)
			.json()
			.path("beneficiaryId")
			.asString();
		return Target.of("id", beneficiary).playing(VOLUNTEER, paired);
	}

	/** A certificate the organization issued, with its volunteer in the part. */
	private static Target certificate(Scene scene) {
		Scene.Certified certified = scene.certified(scene.team());
		return Target.of("number", certified.number()).playing(VOLUNTEER, certified.volunteer());
	}

	private static Target amendment(Scene scene) {
		Recorded record = scene.recorded(scene.team());
		return Target.of("id", scene.amendment(record)).playing(VOLUNTEER, record.volunteer());
	}

	// bodies

	private static Map<String, Object> reason() {
		return Map.of("reason", REASON);
	}

	private static Map<String, Object> staff() {
		return Map.of("username", Fixtures.uniqueUsername("audit"), "password", "Staff-pass-2026", "displayName",
				"故障测试审计员", "role", "AUDITOR", "regionCode", REGION);
	}

	static Map<String, Object> registration() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "测试志愿者");
		body.put("idType", "RESIDENT_ID");
		body.put("idNumber", Identities.residentIdAged(30));
		body.put("phone", Identities.phone());
		body.put("password", Fixtures.PASSWORD);
		body.put("regionCode", REGION);
		body.put("skills", List.of("急救"));
		body.put("consents", Map.of("privacyPolicy", "2026-01", "oath", true));
		return body;
	}

	static Map<String, Object> profile() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("regionCode", REGION);
		body.put("categories", List.of("COMMUNITY"));
		body.put("fields", List.of("HEALTH"));
		body.put("skills", List.of("急救", "手语"));
		body.put("languages", List.of("普通话"));
		body.put("availability", List.of("SAT_AM"));
		body.put("emergencyContact", Map.of("name", "李明", "phone", "13900001111"));
		return body;
	}

	static Map<String, Object> application() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "故障测试服务队" + Fixtures.uniqueUsername(""));
		body.put("type", "COMMUNITY_TEAM");
		body.put("regionCode", REGION);
		body.put("fields", List.of("ELDERLY_CARE"));
		body.put("contactName", "王芳");
		body.put("contactPhone", "13900002222");
		body.put("description", "为社区高龄老人服务。");
		return body;
	}

	static Map<String, Object> manualEntry(Person volunteer) {
		return Map.of("volunteerId", volunteer.volunteerId().toString(), "reason", REASON);
	}

	static Map<String, Object> bulkEntry(Person volunteer) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		return Map.of("reason", REASON, "entries", List.of(Map.of("volunteerId", volunteer.volunteerId().toString(),
				"checkedInAt", now.minusMinutes(50).toString(), "checkedOutAt", now.minusMinutes(10).toString())));
	}

	// the table's rows

	private static Case get(String path) {
		return new Case("GET", path);
	}

	private static Case post(String path) {
		return new Case("POST", path);
	}

	private static Case put(String path) {
		return new Case("PUT", path);
	}

	private static Case patch(String path) {
		return new Case("PATCH", path);
	}

	private static Case delete(String path) {
		return new Case("DELETE", path);
	}

	/** A file to upload as a multipart form, with consent confirmed. */
	record Upload(byte[] file) {

	}

	/** One row: an endpoint, what it acts on, and who may call it. */
	static final class Case {

		private final String method;

		private final String pattern;

		private String variant = "";

		private Function<Scene, Target> target = (scene) -> Target.none();

		private Set<Caller> allowed = EnumSet.noneOf(Caller.class);

		private final Set<Integer> alsoDeniedWith = new TreeSet<>();

		private String why = "";

		private boolean hidden;

		Case(String method, String pattern) {
			this.method = method;
			this.pattern = pattern;
		}

		Case named(String name) {
			this.variant = name;
			return this;
		}

		Case on(Function<Scene, Target> what) {
			this.target = what;
			return this;
		}

		Case allow(Set<Caller> callers) {
			this.allowed = EnumSet.copyOf(callers);
			return this;
		}

		Case allow(Caller first, Caller... more) {
			return allow(EnumSet.of(first, more));
		}

		/**
		 * Those not allowed may also get this status, for the reason given: the call acts
		 * on the caller's own data, and the answer says there is none to act on.
		 */
		Case deniedAlsoWith(int status, String reason) {
			this.alsoDeniedWith.add(status);
			this.why = reason;
			return this;
		}

		/** The object is hidden from those not allowed: 404, also without a token. */
		Case hiddenFromOthers() {
			this.hidden = true;
			return this;
		}

		String endpoint() {
			return this.method + " " + this.pattern;
		}

		boolean isWrite() {
			return !"GET".equals(this.method);
		}

		Function<Scene, Target> target() {
			return this.target;
		}

		Set<Caller> allowed() {
			return this.allowed;
		}

		Set<Integer> alsoDeniedWith() {
			return this.alsoDeniedWith;
		}

		boolean isHidden() {
			return this.hidden;
		}

		Exchange exchange(Target on) {
			String path = on.path(this.pattern);
			Object body = on.body();
			if (body instanceof Upload upload) {
				return Exchange.multipart("upload", this.method, path, upload.file(),
						Map.of("consentConfirmed", "true"));
			}
			Exchange exchange = (body == null) ? Exchange.empty(toString(), this.method, path)
					: Exchange.json(toString(), this.method, path, Json.write(body));
			return on.headers().isEmpty() ? exchange : exchange.withHeaders(on.headers());
		}

		@Override
		public String toString() {
			return endpoint() + (this.variant.isEmpty() ? "" : " (" + this.variant + ")")
					+ (this.why.isEmpty() ? "" : " [" + this.why + "]");
		}

	}

}
