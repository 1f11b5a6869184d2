package org.zhiyuan.volunteer;

/** Professional fields in which a volunteer can serve (专业志愿服务领域). */
public enum ProfessionalField {

	HEALTH, ELDERLY_CARE, DISABILITY_CARE, LANGUAGE, LAW, PSYCHOLOGY, EDUCATION, CULTURE, SPORT, SCIENCE, ARTS,
	EMERGENCY_RESCUE, INTERNET, SOCIAL_WORK

}
