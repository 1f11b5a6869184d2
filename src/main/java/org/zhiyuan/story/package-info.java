/**
 * Publicity (宣传, C19): stories (志愿故事) written by organizations' admins and operators,
 * with images, published once an operator of the story's region approves them; the public
 * showcase of a project with its activities, stories and awards; the volunteer oath page.
 * Stories are free text by their authors: no personal data is added to them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit",
		"organization", "activity", "commendation", "notification" })
package org.zhiyuan.story;
