/**
 * Erasure requests (删除请求, PIPL art. 47) beside the data export: a volunteer asks for the
 * erasure of their profile (PROFILE) or of everything once the law allows (ALL); an
 * operator of their region reviews a sheet computed from what every module holds (what is
 * erased now, what is kept and until when, what must end first) and approves or refuses;
 * an approved request is carried out at once, in one transaction, closing the account as
 * deregistration does; kept data of an ALL request is erased when its retention ends
 * (service records: 10 years after the last), the record rows and hours staying for
 * statistics under a pseudonym. Every step is audited and told to the volunteer.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "volunteer", "notification" })
package org.zhiyuan.erasure;
