package org.zhiyuan.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhiyuan.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed controller lookup finds, for every mapping of the platform, exactly what
 * Spring's own lookup finds, with the same path variables, and tries far fewer mappings.
 */
class IndexedHandlerMappingApiTests extends ApiTestSupport {

	private static final String ID = "0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void findsWhatSpringFindsForEveryMapping() throws Exception {
		assertThat(this.mapping).isInstanceOf(IndexedHandlerMapping.class);
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) this.mapping;
		List<String> differences = new ArrayList<>();
		int compared = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : indexed.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.contains("*") || pattern.contains("?")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+\\}", ID);
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					for (String accept : List.of("application/json", "text/html")) {
						compared++;
						String indexedFinds = lookup(indexed, method.name(), path, accept, true);
						String springFinds = lookup(indexed, method.name(), path, accept, false);
						if (!indexedFinds.equals(springFinds)) {
							differences
								.add(method + " " + path + " (" + accept + "): " + indexedFinds + " vs " + springFinds);
						}
					}
				}
			}
		}
		assertThat(compared).isGreaterThan(300);
		assertThat(differences).isEmpty();
	}

	@Test
	void answersUnknownPathsMethodsAndEncodedPathsAsSpringDoes() throws Exception {
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) this.mapping;
		for (String[] request : new String[][] { { "POST", "/api/v1/activities/" + ID + "/signups" },
				{ "DELETE", "/api/v1/activities/" + ID + "/signups" }, { "GET", "/api/v1/nothing/" + ID },
				{ "GET", "/api/v1/activities/" + ID }, { "GET", "/api/v1/activit%69es/" + ID },
				{ "GET", "/api/v1/activities;x=1/" + ID }, { "GET", "/api/v1/activities/" + ID + "/" },
				{ "PATCH", "/api/v1/me" }, { "GET", "/" } }) {
			assertThat(lookup(indexed, request[0], request[1], "application/json", true))
				.as(request[0] + " " + request[1])
				.isEqualTo(lookup(indexed, request[0], request[1], "application/json", false));
		}
	}

	@Test
	void triesOnlyTheMappingsAlongThePath() {
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) this.mapping;
		int all = indexed.getHandlerMethods().size();
		int tried = indexed.candidatesOf("/api/v1/activities/" + ID + "/signups");
		assertThat(all).isGreaterThan(300);
		assertThat(tried).isPositive().isLessThan(all / 10);
	}

	/**
	 * What a lookup finds: the method and its path variables, or the exception's type.
	 */
	private static String lookup(IndexedHandlerMapping mapping, String method, String path, String accept,
			boolean indexed) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader(HttpHeaders.ACCEPT, accept);
		if (!method.equals("GET") && !method.equals("DELETE")) {
			request.setContentType("application/json");
		}
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerMethod found = indexed ? mapping.lookupHandlerMethod(path, request)
					: mapping.lookupAsSpringDoes(path, request);
			return (found == null) ? "none"
					: found.getMethod().toGenericString() + " "
							+ request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) + " "
							+ request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		}
		catch (Exception ex) {
			return ex.getClass().getName();
		}
	}

}
