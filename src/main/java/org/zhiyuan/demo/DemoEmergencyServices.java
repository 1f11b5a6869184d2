package org.zhiyuan.demo;

import org.zhiyuan.emergency.DutyRosters;
import org.zhiyuan.emergency.EmergencyPlans;
import org.zhiyuan.emergency.EmergencyProfiles;
import org.zhiyuan.emergency.EmergencyTeams;
import org.zhiyuan.emergency.MobilizationAnswers;
import org.zhiyuan.emergency.MobilizationCommand;
import org.zhiyuan.emergency.Mobilizations;

import org.springframework.stereotype.Component;

/**
 * The emergency module's services that the demo seeds through (a holder, so that the
 * demo's constructor stays readable).
 */
@Component
record DemoEmergencyServices(EmergencyTeams teams, EmergencyProfiles profiles, DutyRosters duty,
		Mobilizations mobilizations, MobilizationAnswers answers, MobilizationCommand command, EmergencyPlans plans) {

}
