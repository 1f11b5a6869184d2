package org.zhiyuan.organization.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.organization.Member;
import org.zhiyuan.organization.MemberRole;
import org.zhiyuan.organization.MemberStatus;
import org.zhiyuan.organization.MembershipView;
import org.zhiyuan.organization.OrganizationEvent;
import org.zhiyuan.organization.OrganizationStatus;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organizations per API.md: apply, review, members; plus supervision, join requests,
 * history and public search.
 */
@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Organizations")
class OrganizationController {

	private final Organizations organizations;

	OrganizationController(Organizations organizations) {
		this.organizations = organizations;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply to register an organization or team; the applicant becomes its admin",
			description = "creditCode is required for registered bodies, optional for teams, and checked"
					+ " when given: GB 32100 (authority and kind, a known division, check character) with the"
					+ " GB 11714 organization code inside; 409 CREDIT_CODE_REGISTERED when already in use.")
	OrganizationView apply(@AuthenticationPrincipal Actor actor, @Valid @RequestBody ApplicationForm request) {
		return this.organizations.apply(actor, request.toNewOrganization());
	}

	@GetMapping
	@SecurityRequirements
	@Operation(summary = "Active organizations within a region (and below), by name")
	PageResult<OrganizationView> search(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.organizations.search(regionCode, q, PageQuery.of(page, size));
	}

	@GetMapping("/supervised")
	@Operation(summary = "Organizations of any status within a region the caller operates or audits")
	PageResult<OrganizationView> supervised(@AuthenticationPrincipal Actor actor, @RequestParam String regionCode,
			@RequestParam(required = false) OrganizationStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.organizations.searchForOperator(actor, regionCode, status, q, PageQuery.of(page, size));
	}

	@GetMapping("/mine")
	@Operation(summary = "Organizations the caller administers, by name")
	PageResult<OrganizationView> mine(@AuthenticationPrincipal Actor actor,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.organizations.administeredBy(actor, PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@SecurityRequirements
	@Operation(summary = "An organization's public page data (no personal data)")
	OrganizationView get(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return this.organizations.view(actor, id);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve an application (operator of its region)")
	StatusResponse approve(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		return StatusResponse.of(this.organizations.approve(actor, id));
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject an application with a reason (operator of its region)")
	StatusResponse reject(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ReasonRequest request) {
		return StatusResponse.of(this.organizations.reject(actor, id, request.reason()));
	}

	@PostMapping("/{id}/warnings")
	@Operation(summary = "Warn an organization (operator of its region)")
	StatusResponse warn(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ReasonRequest request) {
		return StatusResponse.of(this.organizations.warn(actor, id, request.reason()));
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "Suspend an organization: it can no longer publish (operator of its region)")
	StatusResponse suspend(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ReasonRequest request) {
		return StatusResponse.of(this.organizations.suspend(actor, id, request.reason()));
	}

	@PostMapping("/{id}/reinstate")
	@Operation(summary = "Reinstate a suspended organization (operator of its region)")
	StatusResponse reinstate(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody ReasonRequest request) {
		return StatusResponse.of(this.organizations.reinstate(actor, id, request.reason()));
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close an organization for good (exit, operator of its region)")
	StatusResponse close(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody CloseRequest request) {
		return StatusResponse.of(this.organizations.close(actor, id, request.reason(), request.successorId()));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Review and supervision history, oldest first (its admins and the region's operators)")
	PageResult<OrganizationEvent> history(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.organizations.history(actor, id, PageQuery.of(page, size));
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "Members, join requests and invitations (its admins and the region's overseers; audited)",
			description = "Without a status: ACTIVE, PENDING and INVITED. Of an invited volunteer only the masked name"
					+ " shows until they accept.")
	PageResult<Member> members(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@RequestParam(required = false) MemberStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.organizations.members(actor, id, status, PageQuery.of(page, size));
	}

	@PostMapping("/{id}/members")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a volunteer as MEMBER or ADMIN (its admins): an invitation the volunteer accepts",
			description = "Nobody becomes a member without consenting. A volunteer who asked to join becomes a member"
					+ " at once (status ACTIVE); anyone else is invited (status INVITED), is notified, and becomes a"
					+ " member only on accepting; until then the organization sees only their masked name. 409"
					+ " ALREADY_MEMBER, 409 INVITATION_PENDING.")
	MembershipView addMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id,
			@Valid @RequestBody MemberRequest request) {
		return this.organizations.addMember(actor, id, request.volunteerId(), request.role());
	}

	@PostMapping("/{id}/join-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask to join (the calling volunteer)")
	void requestToJoin(@AuthenticationPrincipal Actor actor, @PathVariable UUID id) {
		this.organizations.requestToJoin(actor, id);
	}

	@PostMapping("/{id}/members/{volunteerId}/approve")
	@Operation(summary = "Accept a join request (its admins)")
	void approveJoin(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID volunteerId) {
		this.organizations.approveJoin(actor, id, volunteerId);
	}

	@PostMapping("/{id}/members/{volunteerId}/reject")
	@Operation(summary = "Decline a join request (its admins)")
	void rejectJoin(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID volunteerId) {
		this.organizations.rejectJoin(actor, id, volunteerId);
	}

	@DeleteMapping("/{id}/members/{volunteerId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Leave (the volunteer) or remove a member or withdraw an invitation (its admins)")
	void removeMember(@AuthenticationPrincipal Actor actor, @PathVariable UUID id, @PathVariable UUID volunteerId) {
		this.organizations.removeMember(actor, id, volunteerId);
	}

	@Schema(name = "OrganizationReasonRequest")
	record ReasonRequest(@NotNull @Size(max = 500) @Schema(minLength = 1) String reason) {

	}

	/**
	 * Closing may name the successor that certifies the organization's records from now
	 * on.
	 */
	record CloseRequest(@NotNull @Size(max = 500) @Schema(minLength = 1) String reason, UUID successorId) {

	}

	record MemberRequest(@NotNull UUID volunteerId, @NotNull MemberRole role) {

	}

	record StatusResponse(UUID id, OrganizationStatus status) {

		static StatusResponse of(OrganizationView view) {
			return new StatusResponse(view.id(), view.status());
		}

	}

}
