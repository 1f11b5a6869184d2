package org.zhiyuan.system;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the controller method of a request among the few mappings that share its path's
 * leading literal segments, instead of trying every mapping of the platform.
 * <p>
 * Spring MVC looks a path without variables up directly, but a path with one
 * ({@code /api/v1/activities/{id}/signups}) is matched against each of the platform's
 * several hundred mappings in turn, each asking the request (through a dozen wrappers)
 * for its method, headers and path: a profile of the sign-up storm found a quarter of the
 * platform's time there. This mapping keeps the mappings in a tree of their patterns'
 * literal leading segments ({@code api → v1 → activities}); a request's candidates are
 * the mappings along its own path in that tree, a superset of those that can match.
 * <p>
 * Only the plain case is answered here: exactly one candidate matches. No match, several
 * matches, a CORS pre-flight, a path Spring looks up directly, or a path with encoded or
 * matrix parts all go to Spring's own lookup unchanged, so errors (404, 405, 415),
 * ambiguity and CORS behave exactly as before.
 */
class IndexedHandlerMapping extends RequestMappingHandlerMapping {

	private volatile Index index;

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		Index current = index();
		if (current == null || !Index.plain(lookupPath) || current.direct.contains(lookupPath)
				|| CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		RequestMappingInfo matched = null;
		Candidate winner = null;
		for (Candidate candidate : current.candidates(lookupPath)) {
			if (winner != null && winner.info == candidate.info) {
				continue;
			}
			RequestMappingInfo match = getMatchingMapping(candidate.info, request);
			if (match != null) {
				if (matched != null) {
					return super.lookupHandlerMethod(lookupPath, request);
				}
				matched = match;
				winner = candidate;
			}
		}
		if (matched == null) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, winner.handler);
		handleMatch(matched, lookupPath, request);
		return winner.handler;
	}

	/** Spring's own lookup, for comparison in tests. */
	HandlerMethod lookupAsSpringDoes(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	/** How many mappings a path is tried against here (for tests). */
	int candidatesOf(String lookupPath) {
		Index current = index();
		return (current != null) ? current.candidates(lookupPath).size() : getHandlerMethods().size();
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		this.index = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		this.index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.index = null;
	}

	private Index index() {
		Index current = this.index;
		if (current == null && getPatternParser() != null && getPatternParser().isCaseSensitive()) {
			current = new Index(getHandlerMethods());
			this.index = current;
		}
		return current;
	}

	/** A mapping and its controller method. */
	private record Candidate(RequestMappingInfo info, HandlerMethod handler) {

	}

	/** The mappings in a tree of their patterns' literal leading segments. */
	static final class Index {

		final Set<String> direct = new HashSet<>();

		private final Node root = new Node();

		Index(Map<RequestMappingInfo, HandlerMethod> mappings) {
			mappings.forEach((info, handler) -> {
				this.direct.addAll(info.getDirectPaths());
				Candidate candidate = new Candidate(info, handler);
				Set<String> patterns = info.getPatternValues();
				if (patterns.isEmpty()) {
					this.root.mappings.add(candidate);
				}
				for (String pattern : patterns) {
					Node node = this.root;
					for (String segment : segments(pattern)) {
						if (!literal(segment)) {
							break;
						}
						node = node.children.computeIfAbsent(segment, (s) -> new Node());
					}
					node.mappings.add(candidate);
				}
			});
		}

		/**
		 * Whether a path's segments compare as they are: no percent-encoding or matrix
		 * parameters, which Spring's patterns match after decoding.
		 */
		static boolean plain(String lookupPath) {
			return lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
		}

		/** The mappings whose literal leading segments the path starts with. */
		List<Candidate> candidates(String lookupPath) {
			List<Candidate> found = new ArrayList<>(this.root.mappings);
			Node node = this.root;
			for (String segment : segments(lookupPath)) {
				node = node.children.get(segment);
				if (node == null) {
					break;
				}
				found.addAll(node.mappings);
			}
			return found;
		}

		private static List<String> segments(String path) {
			List<String> segments = new ArrayList<>();
			int start = path.startsWith("/") ? 1 : 0;
			while (start < path.length()) {
				int end = path.indexOf('/', start);
				if (end < 0) {
					end = path.length();
				}
				segments.add(path.substring(start, end));
				start = end + 1;
			}
			return segments;
		}

		private static boolean literal(String segment) {
			return segment.indexOf('{') < 0 && segment.indexOf('*') < 0 && segment.indexOf('?') < 0;
		}

		private static final class Node {

			final Set<Candidate> mappings = new LinkedHashSet<>();

			final Map<String, Node> children = new HashMap<>();

		}

	}

}
