package db.migration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import static db.migration.CitusLayout.LOCAL;
import static db.migration.CitusLayout.REFERENCE;
import static db.migration.CitusLayout.by;

/**
 * The place of every table on a Citus cluster ({@code docs/scale-out.md}). Repeatable: it
 * runs after the versioned migrations whenever the layout changes, and places the tables
 * not placed yet. On H2 and on PostgreSQL without Citus it does nothing.
 */
public class R__Place_tables_on_Citus extends BaseJavaMigration {

	static final Map<String, CitusLayout.Placement> LAYOUT = layout();

	private static Map<String, CitusLayout.Placement> layout() {
		Map<String, CitusLayout.Placement> layout = new LinkedHashMap<>();
		// the directory, copied to every node: read by every request and joined with
		// every
		// distributed table, written by hand (registration, a profile, an activity
		// published)
		for (String table : new String[] { "account", "account_grant", "volunteer", "volunteer_attribute",
				"volunteer_guardian", "volunteer_qualification", "party_report_in", "organization",
				"organization_field", "project", "activity_series", "activity", "activity_position_qualification",
				"region_setting", "star_threshold", "point_rule", "qualification_code", "reward", "cache_version" }) {
			layout.put(table, REFERENCE);
		}
		// and who belongs where and who can set out: memberships, and the emergency
		// profiles with their qualifications, read with the directory by every workflow
		// (teams, emergencies, pairings, needs, insurance), written by hand, rarely
		for (String table : new String[] { "organization_member", "emergency_profile", "emergency_qualification" }) {
			layout.put(table, REFERENCE);
		}
		// the training catalogue is in the directory too: courses and their teachers
		for (String table : new String[] { "training_teacher", "course", "course_teacher" }) {
			layout.put(table, REFERENCE);
		}
		// keyed by the course's session, as a sign-up by its activity: the places an
		// enrolment takes, the enrolments and the results entered for them
		layout.put("course_session", by("id"));
		layout.put("course_enrolment", by("session_id"));
		layout.put("training_result", by("session_id"));
		// keyed by the activity: the places and the sign-ups that take them
		layout.put("activity_position", by("activity_id"));
		layout.put("signup", by("activity_id"));
		layout.put("signup_event", by("activity_id"));
		layout.put("activity_search_text", by("activity_id"));
		layout.put("activity_review", by("activity_id"));
		layout.put("stat_activity", by("activity_id"));
		// keyed by the volunteer: their standing (the lock and totals), attendance,
		// records
		layout.put("volunteer_standing", by("volunteer_id"));
		layout.put("volunteer_booking", by("volunteer_id"));
		layout.put("attendance", by("volunteer_id"));
		layout.put("service_record", by("volunteer_id"));
		layout.put("stat_service_outbox", by("volunteer_id"));
		// and the amendments and resolutions of their records, hashed into their chain
		// (copies on every node before V70 gave them the volunteer)
		layout.put("record_amendment", by("volunteer_id"));
		layout.put("record_resolution", by("volunteer_id"));
		// and their training records, shown with their service records
		layout.put("training_record", by("volunteer_id"));
		// and what the statistics keep of them: the keys they count under, and their
		// rows of each period, field and region
		layout.put("stat_volunteer", by("volunteer_id"));
		layout.put("stat_volunteer_category", by("volunteer_id"));
		layout.put("stat_member", by("volunteer_id"));
		// and their points: the account every change locks, the lots, the entries and
		// the redemptions they paid for
		layout.put("point_account", by("volunteer_id"));
		layout.put("point_lot", by("volunteer_id"));
		layout.put("point_entry", by("volunteer_id"));
		layout.put("reward_redemption", by("volunteer_id"));
		// and their time bank: the account (whose id is theirs), their movements and the
		// entries of them, a platform account's among them
		layout.put("time_account", by("id"));
		layout.put("time_transfer", by("home_id"));
		layout.put("time_entry", by("home_id"));
		// and their certificates, with the records each names; a certificate's number is
		// claimed in a table keyed by the number, which finds its volunteer
		layout.put("certificate", by("volunteer_id"));
		layout.put("certificate_record", by("volunteer_id"));
		layout.put("certificate_number", by("number"));
		// keyed by the account: a person's inbox
		layout.put("notification", by("account_id"));
		// the audit trail, keyed by where its transaction wrote: beside a volunteer's
		// records, or an actor's notifications
		layout.put("audit_event", by("home_id"));
		// the statistics' rollups, keyed by the region (node) they count for: a
		// dashboard reads one shard, a breakdown by sub-region reads theirs in parallel;
		// and a batch of the fold's changes to them, merged into them shard by shard
		for (String table : new String[] { "stat_registered", "stat_organizations", "stat_activities", "stat_service",
				"stat_active", "stat_delta" }) {
			layout.put(table, by("node"));
		}
		// the organizations' and projects' figures, keyed by the provider, beside the
		// organizations the rankings count (the same key): a ranking is read on every
		// shard in parallel, each shard's best first, and the coordinator merges them
		layout.put("stat_provider", by("provider_id"));
		layout.put("stat_organization", by("organization_id"));
		// everything else stays on the coordinator for now
		for (String table : new String[] { "spring_session", "spring_session_attributes", "scheduled_tasks",
				"platform_secret", "organization_event", "volunteer_import", "volunteer_import_row",
				"organization_seal", "signing_key", "attendance_request", "attendance_request_item", "sign_in_throttle",
				"password_reset_code", "insurance_policy", "insured_volunteer", "stat_outbox", "stat_fold", "resident",
				"menu_item", "menu_item_region", "need", "need_volunteer", "need_event", "station", "beneficiary",
				"pairing", "pairing_assignment", "pairing_visit", "pairing_missed_visit", "recommendation_home",
				"time_relative", "time_service", "time_service_need", "emergency_team", "emergency_mobilization",
				"emergency_need", "emergency_call", "emergency_duty", "emergency_duty_swap", "emergency_plan",
				"emergency_plan_need", "emergency_plan_team", "emergency_plan_point", "emergency_plan_launch",
				"emergency_group", "installation_key", "api_client", "webhook_endpoint", "webhook_subscription",
				"webhook_message", "webhook_delivery", "webhook_attempt", "interop_peer", "interop_peer_home",
				"transferred_record", "complaint", "complaint_event", "commendation", "commendation_nomination",
				"commendation_objection", "commendation_award", "volunteer_evaluation", "activity_rating", "story",
				"story_image", "erasure_request", "erasure_item", "complaint_attachment", "flyway_schema_history" }) {
			layout.put(table, LOCAL);
		}
		return layout;
	}

	/**
	 * The layout by table: the key column of a distributed table, {@code reference} or
	 * {@code local}.
	 */
	public static Map<String, String> placements() {
		Map<String, String> placements = new LinkedHashMap<>();
		LAYOUT.forEach(
				(table, placement) -> placements.put(table, (placement instanceof CitusLayout.Distributed distributed)
						? distributed.column() : (placement instanceof CitusLayout.Reference) ? "reference" : "local"));
		return placements;
	}

	/**
	 * Raised when the placing itself changes, so that it runs again on a cluster whose
	 * layout is unchanged: 2 adds the coordinator's own tables to Citus' metadata.
	 */
	private static final int PLACING = 2;

	@Override
	public Integer getChecksum() {
		return (LAYOUT.toString() + PLACING).hashCode();
	}

	@Override
	public void migrate(Context context) throws Exception {
		if (CitusLayout.present(context.getConnection())) {
			CitusLayout.place(context.getConnection(), LAYOUT);
		}
	}

}
