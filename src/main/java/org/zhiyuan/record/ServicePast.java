package org.zhiyuan.record;

import java.util.Map;
import java.util.UUID;

import org.zhiyuan.shared.ServiceField;

import org.springframework.stereotype.Service;

/**
 * What a volunteer has served before, counted records only: how often in each service
 * field and with each organization. For recommendations, which rank what resembles a
 * volunteer's past service higher; the volunteer's own data, read for them.
 */
@Service
public class ServicePast {

	private final ServiceRecordRepository records;

	ServicePast(ServiceRecordRepository records) {
		this.records = records;
	}

	public Summary of(UUID volunteerId) {
		return this.records.pastServiceOf(volunteerId);
	}

	/** Counted records by service field and by organization. */
	public record Summary(Map<ServiceField, Integer> byField, Map<UUID, Integer> byOrganization) {

		public int inField(ServiceField field) {
			return this.byField.getOrDefault(field, 0);
		}

		public int withOrganization(UUID organizationId) {
			return this.byOrganization.getOrDefault(organizationId, 0);
		}

	}

}
