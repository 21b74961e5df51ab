package com.renar.mes.platform.web;

import com.renar.mes.shared.MesProblemException;
import com.renar.mes.shared.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies larger than {@code MES_MAX_BODY_SIZE} with {@code 413 payload-too-large}: at once when
 * {@code Content-Length} says so, and for bodies of unknown length (chunked) as soon as reading passes the limit,
 * so no controller ever buffers an oversized body. Runs after Spring Security (and the rate limit), so its answer
 * carries the security and CORS headers and no body of an unauthenticated request is read at all.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 20)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final Problems problems;

    BodySizeLimitFilter(HttpProperties properties, Problems problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, tooLarge(maxBytes));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
        } catch (BodyTooLargeException e) {
            // Spring MVC answers it itself (ProblemHandler); this is for bodies read by anything else
            if (response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            problems.write(request, response, ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
        }
    }

    static String tooLarge(long maxBytes) {
        return "The request body is larger than the limit of " + maxBytes + " bytes";
    }

    /** Thrown by the limited stream; the problem handler answers it with 413. */
    static final class BodyTooLargeException extends MesProblemException {
        BodyTooLargeException(long maxBytes) {
            super(ProblemType.PAYLOAD_TOO_LARGE, tooLarge(maxBytes));
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
