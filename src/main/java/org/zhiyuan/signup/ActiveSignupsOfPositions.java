package org.zhiyuan.signup;

import java.util.Arrays;
import java.util.UUID;

import org.zhiyuan.activity.ActiveSignups;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the activity module whether volunteers are signed up for a position, pending,
 * accepted or waiting: the requirements they met may then only be loosened.
 */
@Component
class ActiveSignupsOfPositions implements ActiveSignups {

	private static final String[] ACTIVE = Arrays.stream(SignupStatus.values())
		.filter(SignupStatus::isActive)
		.map(SignupStatus::name)
		.toArray(String[]::new);

	private final JdbcClient jdbc;

	ActiveSignupsOfPositions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean existFor(UUID positionId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM signup WHERE position_id = :position AND status IN (:active)")
			.param("position", positionId)
			.param("active", java.util.List.of(ACTIVE))
			.query(Long.class)
			.single() > 0;
	}

}
