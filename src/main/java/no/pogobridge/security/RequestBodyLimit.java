package no.pogobridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;
import no.pogobridge.operator.Problem;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit (pogo.operator.max-body-size, 1 MB) with 413 before it is read into memory.
 * Neither Tomcat (its maxPostSize covers form posts only) nor Spring MVC limits other bodies, and camel-platform-http
 * reads a body whole, so this is written here: a declared Content-Length over the limit is refused unread; a chunked
 * body is read only up to one byte past the limit and refused there, or handed on from that buffer.
 * <p>A request {@code boundedElsewhere} picks out is let through: a multipart upload whose endpoint lets the servlet
 * container parse it, under spring.servlet.multipart's limits (parts streamed to disk, never whole in memory).
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final Predicate<HttpServletRequest> boundedElsewhere;

    public RequestBodyLimit(long limit) {
        this(limit, request -> false);
    }

    public RequestBodyLimit(long limit, Predicate<HttpServletRequest> boundedElsewhere) {
        this.limit = limit;
        this.boundedElsewhere = boundedElsewhere;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return boundedElsewhere.test(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = readAtMost(request.getInputStream(), limit + 1);
            if (body.length > limit) {
                refuse(response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        // the unread rest of the body is not worth reading: the connection closes after this answer
        response.setHeader("Connection", "close");
        ProblemResponses.write(response, new Problem(413, "The request body is larger than " + limit / 1024
                + " KiB, the most this server accepts (pogo.operator.max-body-size); nothing was read or changed."));
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while (out.size() < max && (n = in.read(chunk, 0, (int) Math.min(chunk.length, max - out.size()))) > 0) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /** The chunked body already read (within the limit), served to whoever reads the request next. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already; read it synchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(getCharacterEncoding() == null ? "UTF-8"
                            : getCharacterEncoding())));
        }
    }
}
