package org.zhiyuan.organization.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.zhiyuan.access.Actor;
import org.zhiyuan.organization.Invitation;
import org.zhiyuan.organization.MembershipView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling volunteer's invitations to join organizations, keyed by the inviting
 * organization: listed, accepted or declined. Only the volunteer answers their own.
 */
@RestController
@RequestMapping("/api/v1/volunteers/me/invitations")
@Tag(name = "Organizations")
class InvitationController {

	private final Organizations organizations;

	InvitationController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping
	@Operation(operationId = "listMyInvitations", summary = "Invitations waiting for the calling volunteer's answer")
	PageResult<Invitation> mine(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.organizations.myInvitations(actor, PageQuery.of(page, size));
	}

	@PostMapping("/{organizationId}/acceptance")
	@Operation(operationId = "acceptInvitation",
			summary = "Accept an organization's invitation: the caller becomes a member (or admin, if so invited)",
			description = "404 INVITATION_NOT_FOUND when that organization's invitation does not wait for the caller;"
					+ " 409 ORGANIZATION_NOT_ACTIVE when the organization cannot take members now.")
	MembershipView accept(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId) {
		return this.organizations.acceptInvitation(actor, organizationId);
	}

	@PostMapping("/{organizationId}/declination")
	@Operation(operationId = "declineInvitation",
			summary = "Decline an organization's invitation: it sees nothing more of the caller",
			description = "404 INVITATION_NOT_FOUND when that organization's invitation does not wait for the caller.")
	MembershipView decline(@AuthenticationPrincipal Actor actor, @PathVariable UUID organizationId) {
		return this.organizations.declineInvitation(actor, organizationId);
	}

}
