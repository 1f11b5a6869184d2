package org.zhiyuan.recommendation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import org.zhiyuan.shared.ServiceField;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One recommendation: an activity the volunteer can sign up for or a need they can
 * accept, its score (0–100, higher first) and the reasons behind it in the reader's
 * language.
 */
@Schema(name = "Recommendation")
public record Recommendation(@Schema(requiredMode = REQUIRED) RecommendationKind kind,
		@Schema(requiredMode = REQUIRED) UUID id, @Schema(requiredMode = REQUIRED) String title,
		@Schema(requiredMode = REQUIRED, minimum = "0", maximum = "100") int score,
		@Schema(requiredMode = REQUIRED,
				description = "Why, in the reader's language, e.g. \"离家 1.2 公里\"") List<String> reasons,
		@Schema(requiredMode = REQUIRED) ServiceField field, @Schema(requiredMode = REQUIRED) String regionCode,
		@Schema(requiredMode = REQUIRED) OffsetDateTime startsAt,
		@Schema(requiredMode = REQUIRED) OffsetDateTime endsAt,
		@Schema(description = "Kilometres from the volunteer's chosen point, when both are known") Double distanceKm,
		@Schema(description = "The activity's organization; empty for a need") String organizationName,
		@Schema(requiredMode = REQUIRED, description = "The page to open it") String link) {

}
