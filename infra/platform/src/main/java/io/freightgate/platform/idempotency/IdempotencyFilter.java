package io.freightgate.platform.idempotency;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.problem.ProblemResponses;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.platform.tenancy.Tenancy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * {@code Idempotency-Key} on every mutating API request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under
 * {@code /api/}). A key belongs to the authenticated caller that sent it: records are kept per (tenant, actor, key),
 * where the actor is the token's subject (a user id or an API client id), with a SHA-256 fingerprint of actor, method,
 * path, query, content type and body.
 *
 * <p>This filter checks the key, buffers and fingerprints the request and holds its response; the key is claimed only
 * by {@link ClaimAfterAuthorization}, around the controller method and inside method security. So nothing is looked
 * up, stored or replayed for a request that authorization refuses, and a caller only ever gets back an answer it
 * obtained itself.
 *
 * <ul>
 *   <li>Same caller, same key, same request, first one finished: the stored status and body are replayed with
 *       {@code Idempotent-Replayed: true}; the operation does not run again.
 *   <li>Same caller, same key, different request: 422 {@code idempotency-key-reused}.
 *   <li>Same caller, same key while the first is still running: 409 {@code idempotency-request-in-progress}.
 *   <li>A 5xx, an exception, or a refusal (401, 403) releases the key, so a retry runs the operation again (its own
 *       downstream calls carry idempotency keys derived from business identity, so nothing moves twice).
 * </ul>
 *
 * A claim whose holder died is taken over after {@link #lockTimeout}.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyRecords records;
    private final TransactionOperations transactions;
    private final ProblemResponses problems;
    private final Clock clock;
    private final Duration lockTimeout;
    private final long maxBodyBytes;

    public IdempotencyFilter(
            IdempotencyRecords records,
            TransactionOperations transactions,
            ProblemResponses problems,
            Clock clock,
            Duration lockTimeout,
            long maxBodyBytes) {
        this.records = records;
        this.transactions = transactions;
        this.problems = problems;
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod())
                || !UrlPathHelper.defaultInstance
                        .getPathWithinApplication(request)
                        .startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TenantId> tenant = Tenancy.currentTenant();
        if (tenant.isEmpty()) {
            // Not authenticated: security answers 401 further down; nothing to remember.
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key == null || key.isEmpty()) {
            problems.write(request, response, ProblemType.IDEMPOTENCY_KEY_MISSING, "Send an Idempotency-Key header.");
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(
                    request,
                    response,
                    ProblemType.IDEMPOTENCY_KEY_INVALID,
                    "The Idempotency-Key must be 1 to 255 printable ASCII characters without spaces.");
            return;
        }
        var recordKey = new IdempotencyRecords.Key(tenant.get(), Tenancy.currentActor(), key);
        BufferedRequest buffered;
        byte[] fingerprint;
        try {
            buffered = BufferedRequest.of(request, maxBodyBytes);
            fingerprint = fingerprint(recordKey.actor(), buffered);
        } catch (BodyTooLarge e) {
            problems.write(
                    request,
                    response,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body exceeds " + maxBodyBytes + " bytes.");
            return;
        }
        var idempotent = IdempotentRequest.attach(buffered, recordKey, () -> claim(recordKey, fingerprint));
        var capturing = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(buffered, capturing);
        } catch (IOException | ServletException | RuntimeException e) {
            if (idempotent.state() instanceof IdempotentRequest.Running) {
                transactions.executeWithoutResult(status -> records.release(recordKey));
            }
            throw e;
        } finally {
            idempotent.detach(buffered);
        }
        switch (idempotent.state()) {
            case IdempotentRequest.NotReached _ -> capturing.copyBodyToResponse();
            case IdempotentRequest.Running _ -> {
                remember(recordKey, capturing);
                capturing.copyBodyToResponse();
            }
            case IdempotentRequest.Replay replay -> replay(replay.response(), response);
            case IdempotentRequest.Refused refused ->
                problems.write(request, response, refused.type(), refused.detail());
        }
    }

    private IdempotencyRecords.Claim claim(IdempotencyRecords.Key key, byte[] fingerprint) {
        Instant now = clock.instant();
        return transactions.execute(status -> records.claim(key, fingerprint, now, now.plus(lockTimeout)));
    }

    /**
     * Stores the handler's answer, unless it is a server error (a retry should run again) or a refusal: a 401 or 403
     * raised inside the handler is the caller's, not the request's, and must neither be replayed nor block the key.
     */
    private void remember(IdempotencyRecords.Key key, ContentCachingResponseWrapper capturing) {
        int status = capturing.getStatus();
        if (status >= 500 || status == 401 || status == 403) {
            transactions.executeWithoutResult(tx -> records.release(key));
        } else {
            var stored = new IdempotencyRecords.StoredResponse(
                    status,
                    capturing.getContentType(),
                    capturing.getHeader("Location"),
                    capturing.getContentAsByteArray());
            transactions.executeWithoutResult(tx -> records.complete(key, stored, clock.instant()));
        }
    }

    private static void replay(IdempotencyRecords.StoredResponse stored, HttpServletResponse response)
            throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader("Location", stored.location());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static byte[] fingerprint(String actor, BufferedRequest request) throws IOException, ServletException {
        MessageDigest digest = sha256();
        update(digest, actor);
        update(digest, request.getMethod());
        update(digest, request.getRequestURI());
        update(digest, Optional.ofNullable(request.getQueryString()).orElse(""));
        String contentType = Optional.ofNullable(request.getContentType()).orElse("");
        if (contentType.toLowerCase().startsWith("multipart/")) {
            update(digest, "multipart");
            List<Part> parts = request.getParts().stream()
                    .sorted(Comparator.comparing(Part::getName))
                    .toList();
            for (Part part : parts) {
                update(digest, part.getName());
                update(digest, Optional.ofNullable(part.getSubmittedFileName()).orElse(""));
                update(digest, Optional.ofNullable(part.getContentType()).orElse(""));
                try (InputStream in = part.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
        } else {
            update(digest, contentType);
            digest.update(request.body());
        }
        return digest.digest();
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class BodyTooLarge extends Exception {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    /** The request with its body read once, so it can be both fingerprinted and handled. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte @Nullable [] body;

        private BufferedRequest(HttpServletRequest request, byte @Nullable [] body) {
            super(request);
            this.body = body;
        }

        static BufferedRequest of(HttpServletRequest request, long maxBytes) throws IOException, BodyTooLarge {
            String contentType = Optional.ofNullable(request.getContentType()).orElse("");
            if (contentType.toLowerCase().startsWith("multipart/")) {
                // The container parses multipart bodies itself and keeps the parts; they are read from there.
                return new BufferedRequest(request, null);
            }
            if (request.getContentLengthLong() > maxBytes) {
                throw new BodyTooLarge();
            }
            byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (body.length > maxBytes) {
                throw new BodyTooLarge();
            }
            return new BufferedRequest(request, body);
        }

        byte[] body() {
            return body == null ? new byte[0] : body;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                return super.getInputStream();
            }
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

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
                    throw new UnsupportedOperationException("Buffered body is read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (body == null) {
                return super.getReader();
            }
            String encoding = Optional.ofNullable(getCharacterEncoding()).orElse("UTF-8");
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding));
        }
    }
}
