package org.zhiyuan.support;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import java.util.List;
import java.util.UUID;

import org.zhiyuan.access.Actor;
import org.zhiyuan.access.Grant;
import org.zhiyuan.organization.NewOrganization;
import org.zhiyuan.organization.OrganizationType;
import org.zhiyuan.organization.OrganizationView;
import org.zhiyuan.organization.Organizations;
import org.zhiyuan.region.Regions;
import org.zhiyuan.shared.ServiceField;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.volunteer.NewVolunteer;
import org.zhiyuan.volunteer.VolunteerRegistration;
import org.zhiyuan.volunteer.VolunteerView;
import org.zhiyuan.account.AccountManagement;
import org.zhiyuan.account.AccountView;

import org.springframework.boot.test.context.TestComponent;

/**
 * Named ways to make the people a test needs. Every account gets a fresh username, so
 * tests never depend on each other's data.
 */
@TestComponent
public class Fixtures {

	public static final String PASSWORD = "Secret-pass-42";

	private final AccountManagement accounts;

	private final VolunteerRegistration registration;

	private final Organizations organizations;

	Fixtures(AccountManagement accounts, VolunteerRegistration registration, Organizations organizations) {
		this.accounts = accounts;
		this.registration = registration;
		this.organizations = organizations;
	}

	/** A registered adult volunteer living in the region. */
	public Person aVolunteerIn(String regionCode) {
		String phone = Identities.phone();
		String idNumber = Identities.residentIdAged(30);
		VolunteerView volunteer = this.registration.register(new NewVolunteer("测试志愿者", IdType.RESIDENT_ID, idNumber,
				null, null, phone, PASSWORD, regionCode, List.of("急救"), "2026-01", true, null));
		return new Person(volunteer.accountId(), phone, PASSWORD, volunteer.id(), idNumber);
	}

	/** An active organization in the region, with its admin (a registered volunteer). */
	public Team anActiveTeamIn(String regionCode) {
		Person admin = aVolunteerIn(regionCode);
		Actor adminActor = actorOf(admin);
		OrganizationView organization = this.organizations.apply(adminActor,
				new NewOrganization("测试志愿服务队" + uniqueUsername(""), OrganizationType.COMMUNITY_TEAM, null, regionCode,
						null, List.of(ServiceField.ELDERLY_CARE), null, null, null));
		Actor operator = new Actor(UUID.randomUUID(), "op", "op", Set.of(Grant.operatorOf(Regions.NATIONAL)));
		this.organizations.approve(operator, organization.id());
		return new Team(organization.id(), admin);
	}

	/** The actor a person acts as, with the grants they hold now. */
	public Actor actorOf(Person person) {
		AccountView account = this.accounts.find(person.id()).orElseThrow();
		return new Actor(account.id(), account.username(), account.displayName(), account.grants());
	}

	public Person anOperatorOf(String regionCode) {
		return aPersonWith("op", Grant.operatorOf(regionCode));
	}

	public Person anAuditorOf(String regionCode) {
		return aPersonWith("au", Grant.auditorOf(regionCode));
	}

	public Person aVolunteer() {
		return aVolunteerIn("110105");
	}

	public Person aPersonWith(String prefix, Grant grant) {
		String username = uniqueUsername(prefix);
		AccountView account = this.accounts.create(username, PASSWORD, "测试" + prefix, Set.of(grant), null);
		return new Person(account.id(), username, PASSWORD, null, null);
	}

	public static String uniqueUsername(String prefix) {
		return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);
	}

	/**
	 * Someone the test can sign in as: the account id, and for volunteers their volunteer
	 * id and full ID number (which the platform must never show).
	 */
	public record Person(UUID id, String username, String password, UUID volunteerId, String idNumber) {

	}

	/** An organization and its admin. */
	public record Team(UUID id, Person admin) {

	}

}
