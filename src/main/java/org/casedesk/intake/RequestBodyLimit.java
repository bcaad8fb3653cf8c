package org.casedesk.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies to {@code /api/*} and {@code /open311/*} larger than {@code casedesk.intake.max-body-size}
 * with 413: at once when the declared length says so, and while reading when a body without a declared length
 * grows too large (then {@link IntakeProblems} or {@link Open311Errors} answers), so no oversized body is ever held
 * in memory. Registered for each URL pattern, with that API's way of answering, by {@link IntakeFilters}.
 */
class RequestBodyLimit extends OncePerRequestFilter {

    /** How the guarded API answers a body whose declared length is over the limit. */
    interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException;
    }

    private final DataSize limit;
    private final Refusal refusal;

    RequestBodyLimit(DataSize limit, Refusal refusal) {
        this.limit = limit;
        this.refusal = refusal;
    }

    /** Read past the limit from a body that declared no length. */
    static class BodyTooLargeException extends IOException {

        final DataSize limit;

        BodyTooLargeException(DataSize limit) {
            super("Request body over " + limit);
            this.limit = limit;
        }
    }

    static ProblemDetail tooLarge(DataSize limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "请求体超过 " + limit.toKilobytes() + " KB 的上限，案件未受理");
        problem.setTitle("请求体过大");
        return problem;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            refusal.write(request, response, limit);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** The request with a body that stops at the limit, however it is read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream limitedBody;
        private BufferedReader limitedReader;

        LimitedRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limitedBody == null) {
                limitedBody = new LimitedInputStream(super.getInputStream(), limit);
            }
            return limitedBody;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (limitedReader == null) {
                String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
                limitedReader = new BufferedReader(new InputStreamReader(getInputStream(), encoding));
            }
            return limitedReader;
        }
    }

    /** A body stream that fails with {@link BodyTooLargeException} once more than the limit has been read. */
    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private final DataSize declaredLimit;
        private long read;

        LimitedInputStream(ServletInputStream body, DataSize limit) {
            this.body = body;
            this.limit = limit.toBytes();
            this.declaredLimit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next != -1) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws BodyTooLargeException {
            read += bytes;
            if (read > limit) {
                throw new BodyTooLargeException(declaredLimit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
