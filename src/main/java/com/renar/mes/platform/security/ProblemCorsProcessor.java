package com.renar.mes.platform.security;

import com.renar.mes.platform.web.Problems;
import com.renar.mes.shared.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, but a refused cross-origin request is answered like every other error of the API: a
 * {@code 403 forbidden} problem instead of the plain text {@code Invalid CORS request}.
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final Problems problems;

    ProblemCorsProcessor(Problems problems) {
        this.problems = problems;
    }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean accepted = super.processRequest(config, request, response);
        if (!accepted) {
            problems.write(
                    request,
                    response,
                    ProblemType.FORBIDDEN,
                    "Cross-origin requests from this origin, or with this method or these headers, are not allowed");
        }
        return accepted;
    }

    /** Only the status: the body is the problem written above. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.FORBIDDEN);
    }
}
