package org.zhiyuan.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * A fast start without a slow first request. The platform starts with lazy initialization
 * ({@code spring.main.lazy-initialization} in {@code application.properties}): the port
 * opens once the parts that a start needs exist (database, migrations, security, the web
 * layer's mappings), which on two cores takes about two seconds less than creating
 * everything first. Right after the start this warm-up creates every other part in a
 * background thread, so that the first requests find them made; if one cannot be made the
 * platform stops, as an eager start would have. Beans that do their work when all
 * singletons exist (such as the statistics back-fill) are never lazy.
 */
@Configuration(proxyBeanMethods = false)
class StartupWarmUp {

	private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);

	@Bean
	static LazyInitializationExcludeFilter eagerAtStart() {
		return LazyInitializationExcludeFilter.forBeanTypes(SmartInitializingSingleton.class);
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp(ApplicationReadyEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		Thread thread = new Thread(() -> createTheRest(context), "warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	private static void createTheRest(ConfigurableApplicationContext context) {
		long started = System.nanoTime();
		ConfigurableListableBeanFactory factory = context.getBeanFactory();
		int created = 0;
		for (String name : factory.getBeanDefinitionNames()) {
			if (!context.isActive()) {
				return;
			}
			BeanDefinition definition = factory.getBeanDefinition(name);
			if (definition.isAbstract() || !definition.isSingleton() || factory.containsSingleton(name)) {
				continue;
			}
			try {
				factory.getBean(name);
				created++;
			}
			catch (BeansException ex) {
				if (!context.isActive()) {
					return;
				}
				log.error("Part '{}' of the platform cannot be created; the platform stops", name, ex);
				System.exit(SpringApplication.exit(context, () -> 1));
			}
		}
		log.info("Warm-up: {} more parts created in {} ms", created, (System.nanoTime() - started) / 1_000_000);
	}

}
