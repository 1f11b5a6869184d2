package org.zhiyuan.account.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.access.Role;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;
import org.zhiyuan.account.NewStaff;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own account, and the staff accounts (operators, auditors) of a region.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts")
class AccountController {

	private final AccountManagement accounts;

	AccountController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/accounts/me")
	@Operation(summary = "The caller's account and roles")
	AccountResponse me(@AuthenticationPrincipal Actor actor) {
		return AccountResponse.of(this.accounts.find(actor.accountId()).orElseThrow());
	}

	@PostMapping("/accounts/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the caller's password; revokes every token and other session")
	void changePassword(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PasswordChange change) {
		this.accounts.changePassword(actor, change.currentPassword(), change.newPassword(), null);
	}

	@PostMapping("/staff")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an operator or auditor account for a region within the caller's own")
	AccountResponse createStaff(@AuthenticationPrincipal Actor actor, @Valid @RequestBody StaffRequest request) {
		return AccountResponse.of(this.accounts.createStaff(actor, new NewStaff(request.username(), request.password(),
				request.displayName(), request.role(), request.regionCode())));
	}

	@GetMapping("/staff")
	@Operation(summary = "Operator and auditor accounts within a region the caller operates or audits")
	PageResult<AccountResponse> staff(@AuthenticationPrincipal Actor actor,
			@RequestParam(defaultValue = Regions.NATIONAL) String regionCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.accounts.staffWithin(actor, regionCode, PageQuery.of(page, size)).map(AccountResponse::of);
	}

	record PasswordChange(@NotNull @Size(max = 128) @Schema(minLength = 1) String currentPassword,
			@NotNull @Size(max = 128) @Schema(minLength = 1, maxLength = 64) String newPassword) {

	}

	record StaffRequest(@NotNull @Size(max = 64) @Schema(minLength = 1) String username,
			@NotNull @Size(max = 128) @Schema(minLength = 1, maxLength = 64) String password,
			@NotNull @Size(max = 100) @Schema(minLength = 1) String displayName, @NotNull @Schema(allowableValues = {
					"OPERATOR", "AUDITOR" }) Role role,
			@NotNull @Size(max = 12) @Schema(minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode){

	}

	record AccountResponse(UUID id, String username, String displayName, String status, List<GrantView> roles) {

		static AccountResponse of(AccountView view) {
			return new AccountResponse(view.id(), view.username(), view.displayName(), view.status().name(),
					view.grants()
						.stream()
						.map(GrantView::of)
						.sorted(java.util.Comparator.comparing(GrantView::role).thenComparing(GrantView::scope))
						.toList());
		}

	}

	record GrantView(Role role, String scope) {

		static GrantView of(Grant grant) {
			return new GrantView(grant.role(), grant.scope());
		}

	}

}
