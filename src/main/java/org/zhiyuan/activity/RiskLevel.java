package org.zhiyuan.activity;

/** An activity's risk; HIGH ones need insurance cover for every accepted volunteer. */
public enum RiskLevel {

	LOW, HIGH

}
