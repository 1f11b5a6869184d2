package org.zhiyuan.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.volunteer.AvailabilitySlot;
import org.zhiyuan.volunteer.Contact;
import org.zhiyuan.volunteer.NewVolunteer;
import org.zhiyuan.volunteer.ProfessionalField;
import org.zhiyuan.volunteer.ProfileChange;
import org.zhiyuan.volunteer.VolunteerCategory;

/**
 * A demo volunteer as a person would enter themselves: the registration form, then the
 * profile, qualifications and community report-in they add once signed in.
 */
final class DemoVolunteer {

	private final String name;

	private final IdType idType;

	private final String idNumber;

	private final LocalDate birthDate;

	private final Gender gender;

	private final String phone;

	private final String regionCode;

	private List<String> skills = List.of();

	private List<VolunteerCategory> categories = List.of();

	private List<ProfessionalField> fields = List.of();

	private List<String> languages = List.of();

	private List<AvailabilitySlot> availability = List.of();

	private Contact emergencyContact;

	private NewVolunteer.Guardian guardian;

	private final List<DemoQualification> qualifications = new ArrayList<>();

	private DemoReportIn reportIn;

	private DemoVolunteer(String name, IdType idType, String idNumber, LocalDate birthDate, Gender gender, String phone,
			String regionCode) {
		this.name = name;
		this.idType = idType;
		this.idNumber = idNumber;
		this.birthDate = birthDate;
		this.gender = gender;
		this.phone = phone;
		this.regionCode = regionCode;
	}

	/**
	 * A holder of a resident identity card; birth date and gender are read from the
	 * number, as the platform does.
	 * @param hukou the six digits of the region where the person is registered, which
	 * need not be where they live now
	 */
	static DemoVolunteer resident(String name, String hukou, LocalDate birthDate, Gender gender, int serial,
			String phone, String regionCode) {
		return new DemoVolunteer(name, IdType.RESIDENT_ID, DemoNumbers.gb11643(hukou, birthDate, gender, serial), null,
				null, phone, regionCode);
	}

	/**
	 * A holder of another document; birth date and gender are given, as the form asks for
	 * them when the number does not encode them.
	 */
	static DemoVolunteer holder(String name, IdType idType, String idNumber, LocalDate birthDate, Gender gender,
			String phone, String regionCode) {
		return new DemoVolunteer(name, idType, idNumber, birthDate, gender, phone, regionCode);
	}

	DemoVolunteer skills(String... skills) {
		this.skills = List.of(skills);
		return this;
	}

	DemoVolunteer categories(VolunteerCategory... categories) {
		this.categories = List.of(categories);
		return this;
	}

	DemoVolunteer fields(ProfessionalField... fields) {
		this.fields = List.of(fields);
		return this;
	}

	DemoVolunteer languages(String... languages) {
		this.languages = List.of(languages);
		return this;
	}

	DemoVolunteer availability(AvailabilitySlot... availability) {
		this.availability = List.of(availability);
		return this;
	}

	DemoVolunteer emergencyContact(String name, String phone) {
		this.emergencyContact = new Contact(name, phone);
		return this;
	}

	DemoVolunteer guardian(String name, String phone, String idNumber) {
		this.guardian = new NewVolunteer.Guardian(name, phone, idNumber);
		return this;
	}

	DemoVolunteer qualification(String name, String issuer, LocalDate expiresOn) {
		this.qualifications.add(new DemoQualification(name, issuer, expiresOn));
		return this;
	}

	/** A party member's report-in (报到) at the community where they live. */
	DemoVolunteer reportsTo(String regionCode, String communityName, LocalDate reportedOn) {
		this.reportIn = new DemoReportIn(regionCode, communityName, reportedOn);
		return this;
	}

	String name() {
		return this.name;
	}

	String phone() {
		return this.phone;
	}

	NewVolunteer registration(String password, String privacyPolicyVersion) {
		return new NewVolunteer(this.name, this.idType, this.idNumber, this.birthDate, this.gender, this.phone,
				password, this.regionCode, this.skills, privacyPolicyVersion, true, this.guardian);
	}

	ProfileChange profile() {
		return new ProfileChange(this.regionCode, this.categories, this.fields, this.skills, this.languages,
				this.availability, this.emergencyContact);
	}

	List<DemoQualification> qualifications() {
		return List.copyOf(this.qualifications);
	}

	/** The report-in, or {@code null} for volunteers who are not party members. */
	DemoReportIn reportIn() {
		return this.reportIn;
	}

	record DemoQualification(String name, String issuer, LocalDate expiresOn) {

	}

	record DemoReportIn(String regionCode, String communityName, LocalDate reportedOn) {

	}

}
