package org.zhiyuan.volunteer;

import java.time.LocalDate;
import java.util.UUID;

/** A qualification a volunteer holds, e.g. 红十字救护员证, with its issuer and expiry. */
public record Qualification(UUID id, String name, String issuer, LocalDate expiresOn) {

	public boolean isValidOn(LocalDate day) {
		return this.expiresOn == null || !this.expiresOn.isBefore(day);
	}

}
