package org.zhiyuan.regionsettings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewRequirementUnitTests {

	@Test
	void reviewsEveryActivityOnlyHighRiskOnesOrNone() {
		assertThat(ReviewRequirement.ALL.requiresReview(false)).isTrue();
		assertThat(ReviewRequirement.HIGH_RISK.requiresReview(true)).isTrue();
		assertThat(ReviewRequirement.HIGH_RISK.requiresReview(false)).isFalse();
		assertThat(ReviewRequirement.NONE.requiresReview(true)).isFalse();
		assertThat(ReviewRequirement.DEFAULT).isEqualTo(ReviewRequirement.HIGH_RISK);
	}

}
