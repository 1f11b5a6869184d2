package org.zhiyuan.need;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.audit.AuditLog;
import org.zhiyuan.audit.AuditRecord;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.PageQuery;
import org.zhiyuan.shared.PageResult;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.ServiceField;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service menus (菜单式服务): what an organization offers residents, by field and region. Its
 * admins add items; anyone reads the menu of a region.
 */
@Service
public class MenuItems {

	static final int MAX_REGIONS = 50;

	private final NeedRepository repository;

	private final Organizations organizations;

	private final Regions regions;

	private final AuditLog auditLog;

	MenuItems(NeedRepository repository, Organizations organizations, Regions regions, AuditLog auditLog) {
		this.repository = repository;
		this.organizations = organizations;
		this.regions = regions;
		this.auditLog = auditLog;
	}

	/**
	 * Adds an item to an active organization's menu (its admins).
	 * @throws ProblemException 400 naming every bad field, 403 for anyone else, 409
	 * {@code ORGANIZATION_NOT_ACTIVE}
	 */
	@Transactional
	public MenuItemView create(Actor actor, UUID organizationId, NewMenuItem item) {
		OrganizationView organization = this.organizations.find(organizationId)
			.orElseThrow(() -> ProblemException.notFound("ORGANIZATION_NOT_FOUND", "organization.notFound"));
		if (!this.organizations.isAdmin(actor, organization.id())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		List<FieldProblem> problems = new ArrayList<>();
		text(problems, "title", item.title(), 100, true);
		text(problems, "description", item.description(), 1000, true);
		if (item.field() == null) {
			problems.add(new FieldProblem("field", "validation.required"));
		}
		if (item.regionCodes() == null || item.regionCodes().isEmpty()) {
			problems.add(new FieldProblem("regionCodes", "validation.required"));
		}
		else if (item.regionCodes().size() > MAX_REGIONS) {
			problems.add(new FieldProblem("regionCodes", "validation.need.regions", MAX_REGIONS));
		}
		else {
			for (int i = 0; i < item.regionCodes().size(); i++) {
				String code = item.regionCodes().get(i);
				if (code == null || !this.regions.exists(code) || Regions.NATIONAL.equals(code)) {
					problems.add(new FieldProblem("regionCodes[" + i + "]", "validation.regionCode"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		this.organizations.requireActive(actor, organizationId);
		UUID id = Ids.newId();
		this.repository.insertMenuItem(id, organizationId, item, actor.accountId(), Residents.now());
		this.auditLog.record(AuditRecord.of("need.menu.create", actor.accountId())
			.on("menu-item", id)
			.inRegion(organization.regionCode())
			.inOrganization(organizationId));
		return this.repository.menuItem(id).orElseThrow();
	}

	/**
	 * The active items offered in a region (and any above it), of a field or one
	 * organization.
	 */
	public PageResult<MenuItemView> search(String regionCode, ServiceField field, UUID organizationId, PageQuery page) {
		if (regionCode != null && !this.regions.exists(regionCode)) {
			throw ProblemException.invalid(List.of(new FieldProblem("regionCode", "validation.regionCode")));
		}
		return this.repository.menuItems(regionCode, field, organizationId, page);
	}

	/**
	 * Takes an item off the menu (its organization's admins): residents can no longer
	 * order it, stations no longer show it; needs ordered from it go on.
	 * @throws ProblemException 404 {@code MENU_ITEM_NOT_FOUND} unless it is on the menu,
	 * 403 for anyone else
	 */
	@Transactional
	public void withdraw(Actor actor, UUID id) {
		MenuItemView item = find(id)
			.orElseThrow(() -> ProblemException.notFound("MENU_ITEM_NOT_FOUND", "need.menu.notFound"));
		if (!this.organizations.isAdmin(actor, item.organizationId())) {
			throw ProblemException.forbidden("problem.forbidden.object");
		}
		if (this.repository.withdrawMenuItem(id)) {
			this.auditLog.record(AuditRecord.of("need.menu.withdraw", actor.accountId())
				.on("menu-item", id)
				.inOrganization(item.organizationId()));
		}
	}

	public Optional<MenuItemView> find(UUID id) {
		return this.repository.menuItem(id);
	}

	static void text(List<FieldProblem> problems, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new FieldProblem(field, "validation.textRequired", max));
			}
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "validation.textRequired", max));
		}
	}

}
