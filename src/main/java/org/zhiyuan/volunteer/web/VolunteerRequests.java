package org.zhiyuan.volunteer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.volunteer.NewVolunteer;

/**
 * Request bodies of the volunteer API; enum values arrive as text so that every bad field
 * is reported.
 */
final class VolunteerRequests {

	private VolunteerRequests() {
	}

	record Registration(@Size(max = 100) String name, String idType, @Size(max = 40) String idNumber,
			LocalDate birthDate, String gender, @Size(max = 30) String phone, @Size(max = 128) String password,
			@Size(max = 12) String regionCode, List<String> skills, Consents consents, GuardianRequest guardian) {

		NewVolunteer toNewVolunteer() {
			List<FieldProblem> problems = new ArrayList<>();
			IdType type = Enums.parse(IdType.class, this.idType, "idType", problems);
			Gender parsedGender = Enums.parse(Gender.class, this.gender, "gender", problems);
			if (!problems.isEmpty()) {
				throw ProblemException.invalid(problems);
			}
			return new NewVolunteer(this.name, type, this.idNumber, this.birthDate, parsedGender, this.phone,
					this.password, this.regionCode, this.skills,
					(this.consents != null) ? this.consents.privacyPolicy() : null,
					(this.consents != null) ? this.consents.oath() : null,
					(this.guardian != null) ? new NewVolunteer.Guardian(this.guardian.name(), this.guardian.phone(),
							this.guardian.idNumber()) : null);
		}

	}

	record Consents(@Size(max = 20) String privacyPolicy, Boolean oath) {

	}

	record GuardianRequest(@Size(max = 100) String name, @Size(max = 30) String phone,
			@Size(max = 40) String idNumber) {

	}

}
