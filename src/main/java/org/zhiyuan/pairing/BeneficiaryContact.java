package org.zhiyuan.pairing;

import java.util.UUID;

/**
 * What a visit needs: the person's name, address and its position, phone, notes and a
 * child's guardian, opened from their sealed form for the pairing's volunteers, its
 * organization's admins and the region's overseers; every read audited.
 */
public record BeneficiaryContact(UUID id, String name, String address, double lat, double lng, String phone,
		String notes, String guardianName) {

}
