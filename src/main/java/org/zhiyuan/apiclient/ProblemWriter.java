package org.zhiyuan.apiclient;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Writes a problem+json answer from a filter, in the request's language. */
@FunctionalInterface
public interface ProblemWriter {

	void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String messageKey)
			throws IOException;

}
