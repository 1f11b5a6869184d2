package org.zhiyuan.signup;

import java.util.UUID;

/**
 * A volunteer's credit score (志愿信用), for positions that ask for one; kept by the module
 * that counts credit.
 */
public interface CreditScores {

	/** The volunteer's score now. */
	int scoreOf(UUID volunteerId);

}
