package org.zhiyuan.need;

import java.util.UUID;

/**
 * What another module may know of a need without reading its resident: what it is, where,
 * and where it stands.
 */
public record NeedReference(UUID id, String title, String regionCode, NeedStatus status) {

	/** Whether it is still open: submitted, dispatched or accepted. */
	public boolean open() {
		return this.status == NeedStatus.SUBMITTED || this.status == NeedStatus.DISPATCHED
				|| this.status == NeedStatus.ACCEPTED;
	}

}
