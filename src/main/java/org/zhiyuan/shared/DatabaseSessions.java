package org.zhiyuan.shared;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's sessions on PostgreSQL. On a Citus coordinator (see
 * {@code docs/scale-out.md}) a statement that spans shards runs over one connection per
 * worker node: the nodes work in parallel, and a transaction that read across shards may
 * still write the directory's copies and the coordinator's tables, which Citus refuses
 * after a statement that used several connections to one node. On PostgreSQL without
 * Citus the setting is an unused placeholder; on H2 nothing is set.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSessions {

	static final String CITUS_SESSION = "SET citus.max_adaptive_executor_pool_size TO 1";

	@Bean
	static BeanPostProcessor citusSessions() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
						&& pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
					pool.setConnectionInitSql(CITUS_SESSION);
				}
				return bean;
			}

		};
	}

}
