package org.zhiyuan.signup;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.zhiyuan.activity.ActivityView.PositionView;
import org.zhiyuan.shared.ProblemException;
import org.zhiyuan.volunteer.VolunteerView;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A position's requirements beyond age and qualifications: a gender, a number of past
 * services, a number of hours served, a volunteer credit score. Each refusal says what
 * the position asks and what the volunteer has.
 */
@Component
class PositionRequirements {

	private final ObjectProvider<ServiceHistory> history;

	private final ObjectProvider<CreditScores> credit;

	PositionRequirements(ObjectProvider<ServiceHistory> history, ObjectProvider<CreditScores> credit) {
		this.history = history;
		this.credit = credit;
	}

	/**
	 * Checks the position's further requirements against the volunteer.
	 * @throws ProblemException 422 {@code REQUIREMENT_NOT_MET} saying which
	 */
	void check(VolunteerView volunteer, PositionView position) {
		if (position.gender() != null) {
			if (volunteer.gender() == null) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.genderUnknown");
			}
			if (volunteer.gender() != position.gender()) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.gender",
						new DefaultMessageSourceResolvable("gender." + position.gender().name()));
			}
		}
		if (position.minServices() != null && position.minServices() > 0) {
			ServiceHistory services = this.history.getIfAvailable();
			int done = (services != null) ? services.countedServices(volunteer.id()) : 0;
			if (done < position.minServices()) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.minServices",
						position.minServices(), done);
			}
		}
		if (position.minHours() != null && position.minHours().signum() > 0) {
			BigDecimal served = (volunteer.totalHours() != null) ? volunteer.totalHours() : BigDecimal.ZERO;
			if (served.compareTo(position.minHours()) < 0) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.minHours",
						position.minHours().setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
						served.setScale(2, RoundingMode.HALF_UP).toPlainString());
			}
		}
		if (position.minCreditScore() != null && position.minCreditScore() > 0) {
			CreditScores scores = this.credit.getIfAvailable();
			int score = (scores != null) ? scores.scoreOf(volunteer.id()) : 0;
			if (score < position.minCreditScore()) {
				throw ProblemException.unprocessable("REQUIREMENT_NOT_MET", "signup.requirement.minCreditScore",
						position.minCreditScore(), score);
			}
		}
	}

}
