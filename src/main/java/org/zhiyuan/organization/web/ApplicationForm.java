package org.zhiyuan.organization.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.zhiyuan.organization.NewOrganization;
import org.zhiyuan.organization.OrganizationType;
import org.zhiyuan.shared.Enums;
import org.zhiyuan.shared.FieldProblem;
import org.zhiyuan.shared.Ids;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.shared.RequestFormats;
import org.zhiyuan.shared.ServiceField;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An application to register an organization, from the API or the page form. Everything
 * arrives as text so that every bad field, unknown values included, is reported at once.
 */
record ApplicationForm(@Size(max = 200) @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 100) String name,
		@Schema(requiredMode = REQUIRED, implementation = OrganizationType.class) String type,
		@Size(max = 40) @Schema(
				description = "Unified social credit code (GB 32100); optional for teams") String creditCode,
		@Size(max = 12) @Schema(requiredMode = REQUIRED, minLength = 6, maxLength = 12,
				pattern = RequestFormats.REGION_CODE) String regionCode,
		@Size(max = 36) @Schema(format = "uuid") String parentId,
		@ArraySchema(maxItems = 17, schema = @Schema(implementation = ServiceField.class)) List<String> fields,
		@Size(max = 100) @Schema(maxLength = 50) String contactName,
		@Size(max = 30) @Schema(pattern = RequestFormats.MOBILE_PHONE) String contactPhone,
		@Size(max = 4000) @Schema(maxLength = 2000) String description) {

	NewOrganization toNewOrganization() {
		List<FieldProblem> problems = new ArrayList<>();
		OrganizationType parsedType = Enums.parse(OrganizationType.class, this.type, "type", problems);
		List<ServiceField> parsedFields = new ArrayList<>();
		if (this.fields != null) {
			for (String field : this.fields) {
				ServiceField parsed = Enums.parse(ServiceField.class, field, "fields", problems);
				if (parsed != null) {
					parsedFields.add(parsed);
				}
				else if (field == null || field.isBlank()) {
					problems.add(new FieldProblem("fields", "validation.required"));
				}
			}
		}
		UUID parent = null;
		if (this.parentId != null && !this.parentId.isBlank()) {
			parent = Ids.parse(this.parentId.strip()).orElse(null);
			if (parent == null) {
				problems.add(new FieldProblem("parentId", "validation.organization.parent"));
			}
		}
		if (!problems.isEmpty()) {
			throw ProblemException.invalid(problems);
		}
		return new NewOrganization(this.name, parsedType, this.creditCode, this.regionCode, parent, parsedFields,
				this.contactName, this.contactPhone, this.description);
	}

}
