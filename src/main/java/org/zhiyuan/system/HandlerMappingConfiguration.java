package org.zhiyuan.system;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The controllers' mapping: {@link IndexedHandlerMapping} in place of Spring's own. */
@Configuration(proxyBeanMethods = false)
class HandlerMappingConfiguration {

	@Bean
	WebMvcRegistrations indexedHandlerMapping() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new IndexedHandlerMapping();
			}

		};
	}

}
