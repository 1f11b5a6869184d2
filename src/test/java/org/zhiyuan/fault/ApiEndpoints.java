package org.zhiyuan.fault;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API's endpoints as the running application maps them, as {@code "POST
 * /api/v1/organizations/{id}/approve"}: what the fault suites hold their tables against,
 * so that a new endpoint cannot go unexercised.
 */
final class ApiEndpoints {

	static final String PREFIX = "/api/v1/";

	private ApiEndpoints() {
	}

	static Set<String> of(RequestMappingHandlerMapping mapping) {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith(PREFIX)) {
					continue;
				}
				if (methods.isEmpty()) {
					endpoints.add("ANY " + pattern);
				}
				methods.forEach((method) -> endpoints.add(method.name() + " " + pattern));
			}
		}
		return endpoints;
	}

	static boolean isWrite(String endpoint) {
		return !endpoint.startsWith("GET ");
	}

}
