package org.zhiyuan.organization;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An import's progress and tallies. */
public record ImportProgress(UUID id, UUID organizationId, String fileName, ImportStatus status, int totalRows,
		int processedRows, int created, int linked, int failed, String failure, OffsetDateTime createdAt,
		OffsetDateTime finishedAt) {

	public int percent() {
		return (this.totalRows == 0) ? ((this.status == ImportStatus.DONE) ? 100 : 0)
				: (int) (100L * this.processedRows / this.totalRows);
	}

	public boolean finished() {
		return this.status == ImportStatus.DONE || this.status == ImportStatus.FAILED;
	}

}
