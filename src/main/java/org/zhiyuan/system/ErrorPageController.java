package org.zhiyuan.system;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error endpoint: failures that happen before Spring MVC (in filters, or
 * a request the server rejects) still get problem+json under {@code /api} and the error
 * page elsewhere. Visited directly, with no failure to report, it is a page that does not
 * exist: 404, as the error page for a browser and as problem+json for anyone else.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final ProblemResponder responder;

	ErrorPageController(ProblemResponder responder) {
		this.responder = responder;
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		boolean direct = !(statusAttribute instanceof Integer);
		int status = (statusAttribute instanceof Integer code) ? code : 404;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		HttpStatus known = HttpStatus.resolve(status);
		String code = (known != null) ? known.name() : "ERROR";
		String key = (status == 404) ? "problem.notFound" : (status >= 500) ? "problem.internal" : "problem.generic";
		boolean api = direct ? !acceptsHtml(request)
				: uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
		if (api) {
			this.responder.write(request, response, status, code, key);
			return null;
		}
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("code", code);
		model.addAttribute("detail", null);
		return "error";
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

}
