package io.freightgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.kernel.TenantId;
import io.freightgate.platform.crypto.EnvelopeEncryption;
import io.freightgate.platform.notifications.Notifications;
import io.freightgate.platform.ratelimit.RateLimiter;
import io.freightgate.platform.tenancy.SystemAccess;
import io.freightgate.security.internal.LoginAttempts;
import io.freightgate.security.internal.UserRecords;
import io.freightgate.support.GatewayIT;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Logins under concurrency (issue 16, item 2): parallel wrong passwords for one account are all counted and lock it,
 * with no server error; the per-address throttle admits no more than its limit however many arrive at once; and the
 * password hash is checked with no transaction (and so no pooled connection) held.
 */
class ConcurrentLoginsIT extends GatewayIT {

    static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    static final String PASSWORD = "amber-quay-trailer-1977";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemAccess systemAccess;

    @Autowired
    TransactionOperations transactions;

    TenantId carrier;
    TestUsers users;

    @BeforeEach
    void organization() {
        users = new TestUsers(api, callers);
        carrier = users.carrier();
    }

    @Test
    void thirtyConcurrentWrongPasswordsAreAllCountedAndLockTheAccountWithoutAServerError() throws Exception {
        String email = "driver-" + UUID.randomUUID() + "@carrier.test";
        UUID user = users.active(carrier, email, "CARRIER_DRIVER", PASSWORD);
        List<LoginForm> forms = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            forms.add(LoginForm.open(new BrowserLogin(port, "192.0.2." + ADDRESSES.incrementAndGet())));
        }

        List<Integer> statuses = concurrently(forms.stream()
                .<Callable<Integer>>map(form -> () -> form.post(email, "wrong-" + UUID.randomUUID()))
                .toList());
        var rightPasswordAfterwards = new BrowserLogin(port, "192.0.2." + ADDRESSES.incrementAndGet())
                .submit("/login", "/login", Map.of("username", email, "password", PASSWORD));

        assertThat(statuses).as("every attempt refused, none failed").containsOnly(401);
        Map<String, Object> row = inSystemScope("SELECT failed_attempts, locked_until FROM users WHERE id = ?", user);
        assertThat(row.get("failed_attempts")).as("every failure counted").isEqualTo(30);
        assertThat(row.get("locked_until")).as("locked").isNotNull();
        assertThat(count("SELECT count(*) FROM security_events WHERE user_id = ? AND type = 'ACCOUNT_LOCKED'", user))
                .as("locked once")
                .isEqualTo(1);
        assertThat(rightPasswordAfterwards.statusCode()).isEqualTo(401);
    }

    @Test
    void theAddressThrottleAdmitsNoMoreThanItsLimitWhenFailuresArriveTogether() throws Exception {
        String address = "192.0.2." + ADDRESSES.incrementAndGet();
        List<LoginForm> forms = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            forms.add(LoginForm.open(new BrowserLogin(port, address)));
        }

        List<Integer> statuses = concurrently(forms.stream()
                .<Callable<Integer>>map(
                        form -> () -> form.post("nobody-" + UUID.randomUUID() + "@nowhere.test", "wrong-password"))
                .toList());

        assertThat(statuses.stream().filter(status -> status == 401).count())
                .as("checked, at most the limit of 20: " + statuses)
                .isLessThanOrEqualTo(20);
        assertThat(statuses.stream().filter(status -> status == 429).count()).isGreaterThanOrEqualTo(10);
        assertThat(statuses).containsOnly(401, 429);
    }

    @Autowired
    UserRecords records;

    @Autowired
    io.freightgate.organizations.OrganizationDirectory organizations;

    @Autowired
    LoginAttempts loginAttempts;

    @Autowired
    EnvelopeEncryption encryption;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    SecurityEvents securityEvents;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Notifications notifications;

    @Autowired
    RateLimiter rateLimiter;

    @Autowired
    Clock clock;

    @Test
    void passwordsAreCheckedWithNoTransactionOrConnectionHeld() {
        String email = "finance-" + UUID.randomUUID() + "@carrier.test";
        users.active(carrier, email, "CARRIER_FINANCE", PASSWORD);
        List<Boolean> heldDuringCheck = new CopyOnWriteArrayList<>();
        PasswordEncoder watched = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwordEncoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                heldDuringCheck.add(TransactionSynchronizationManager.isActualTransactionActive()
                        || !TransactionSynchronizationManager.getResourceMap().isEmpty());
                return passwordEncoder.matches(raw, encoded);
            }
        };
        var logins = new Logins(
                records,
                loginAttempts,
                encryption,
                watched,
                securityEvents,
                systemAccess,
                transactions,
                events,
                notifications,
                rateLimiter,
                20,
                Duration.ofMinutes(15),
                clock,
                organizations);
        String address = "192.0.2." + ADDRESSES.incrementAndGet();

        var wrong = logins.authenticate(email, "wrong-password-123", address);
        var unknown = logins.authenticate("nobody-" + UUID.randomUUID() + "@nowhere.test", PASSWORD, address);
        var right = logins.authenticate(email, PASSWORD, address);

        assertThat(wrong).isInstanceOf(LoginOutcome.Refused.class);
        assertThat(unknown).isInstanceOf(LoginOutcome.Refused.class);
        assertThat(right).isInstanceOf(LoginOutcome.Authenticated.class);
        assertThat(heldDuringCheck).hasSize(3).containsOnly(false);
    }

    /** A login page opened in its own browser: the form can be posted later, at the same moment as others. */
    record LoginForm(BrowserLogin browser, String csrf) {

        static LoginForm open(BrowserLogin browser) throws Exception {
            HttpResponse<String> page = browser.get("/login");
            var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(matcher.find()).as(page.body()).isTrue();
            return new LoginForm(browser, matcher.group(1).replace("&#45;", "-"));
        }

        int post(String email, String password) throws Exception {
            return browser.postForm("/login", Map.of("username", email, "password", password, "_csrf", csrf))
                    .statusCode();
        }
    }

    /** Runs the calls at once (they wait for each other to start) and answers their results in order. */
    private static <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            var start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Object> inSystemScope(String sql, Object... args) {
        return systemAccess.call(
                "test: read login counters", () -> transactions.execute(status -> jdbc.queryForMap(sql, args)));
    }

    private int count(String sql, Object... args) {
        return ((Number) inSystemScope(sql, args).get("count")).intValue();
    }
}
