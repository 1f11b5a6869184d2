package org.zhiyuan.system;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The server's answer to requests it refuses before any application code runs, such as an
 * encoded NUL or slash in the path: problem+json under {@code /api}, like every other
 * answer of the API, and the server's plain page elsewhere.
 */
class ApiErrorReportValve extends ErrorReportValve {

	private final ProblemResponder problems;

	ApiErrorReportValve(ProblemResponder problems) {
		this.problems = problems;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		String uri = request.getRequestURI();
		// a request line too long to read has no known path: it is answered as the API
		// would, since no page links to such an address
		boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api/");
		if (status < 400 || response.getContentWritten() > 0 || !api) {
			super.report(request, response, throwable);
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String body = this.problems.json(request, status, (known != null) ? known.name() : "ERROR",
				(status >= 500) ? "problem.internal" : "problem.generic");
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is closed: there is nobody to tell
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Puts the valve where the server looks for its error report, on the host. */
		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> apiErrorReports(ProblemResponder problems) {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
					host.getPipeline().addValve(new ApiErrorReportValve(problems));
				}
			});
		}

	}

}
