package org.zhiyuan.access;

import java.util.List;
import java.util.UUID;

/**
 * What a module holds on a person, for the person's own download of everything the
 * platform holds on them (PIPL art. 45). Each module that keeps data on people provides
 * it from a bean of its own that implements this; the download collects every such bean,
 * in their {@link org.springframework.core.annotation.Order order}, without depending on
 * the modules that provide them. A source reads only the person's own data: no one else's
 * personal data, and no full ID number or phone number.
 */
public interface PersonalDataSource {

	/** This module's sections of the person's data, each possibly empty, never null. */
	List<PersonalDataSection> sectionsOf(Subject subject);

	/** Whom the data is about: their account and their volunteer record. */
	record Subject(UUID accountId, UUID volunteerId) {

	}

}
