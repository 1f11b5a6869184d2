package org.zhiyuan.volunteer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.identity.Gender;
import org.zhiyuan.shared.identity.IdType;
import org.zhiyuan.volunteer.NewVolunteer;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Request bodies of the volunteer API; enum values arrive as text so that every bad field
 * is reported.
 */
final class VolunteerRequests {

	private VolunteerRequests() {
	}

	record Registration(@Size(max = 100) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 50) String name,
			@Schema(requiredMode = REQUIRED, implementation = IdType.class) String idType,
			@Size(max = 40) @Schema(requiredMode = REQUIRED, minLength = 1) String idNumber,
			@Schema(description = "Required when the ID number does not tell it") LocalDate birthDate,
			@Schema(implementation = Gender.class,
					description = "Required when the ID number does not tell it") String gender,
			@Size(max = 30) @Schema(requiredMode = REQUIRED, pattern = RequestFormats.MOBILE_PHONE) String phone,
			@Size(max = 128) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 64) String password,
			@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
					pattern = RequestFormats.REGION_CODE) String regionCode,
			@ArraySchema(maxItems = 20, schema = @Schema(minLength = 1, maxLength = 30)) List<String> skills,
			@Schema(requiredMode = REQUIRED) Consents consents,
			@Schema(description = "Required for a volunteer under 18, who registers with their guardian's consent") GuardianRequest guardian) {

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

	/**
	 * The versions of the texts the volunteer accepted: the current privacy policy's, and
	 * the oath, which must be {@code true}.
	 */
	record Consents(@Size(max = 20) @Schema(requiredMode = REQUIRED, minLength = 1) String privacyPolicy,
			@Schema(requiredMode = REQUIRED) Boolean oath) {

	}

	record GuardianRequest(@Size(max = 100) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 50) String name,
			@Size(max = 30) @Schema(requiredMode = REQUIRED, pattern = RequestFormats.MOBILE_PHONE) String phone,
			@Size(max = 40) @Schema(requiredMode = REQUIRED, minLength = 1,
					description = "A resident ID number") String idNumber) {

	}

}
