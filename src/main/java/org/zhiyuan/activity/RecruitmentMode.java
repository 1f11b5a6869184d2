package org.zhiyuan.activity;

/** How volunteers are recruited (常规、定向、应急); emergency work takes adults only. */
public enum RecruitmentMode {

	REGULAR, TARGETED, EMERGENCY

}
