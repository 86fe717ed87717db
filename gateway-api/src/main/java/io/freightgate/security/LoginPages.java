package io.freightgate.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The server-rendered login of the authorization server: email and password, then the TOTP code (or a recovery code);
 * a platform user without TOTP is sent to enrol first (QR code, recovery codes shown once, confirmed with a code).
 * Between the steps the session holds only the pending user id, for at most five minutes. On success the session id
 * changes (no fixation) and the browser returns to the {@code /oauth2/authorize} request that sent it here. Every
 * user-supplied string is HTML-escaped; the pages have no scripts.
 */
@Controller
class LoginPages {

    private static final String PENDING_USER = "fg.login.pending-user";
    private static final String PENDING_SINCE = "fg.login.pending-since";
    private static final Duration PENDING_VALIDITY = Duration.ofMinutes(5);

    private final Logins logins;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requestCache = new HttpSessionRequestCache();

    LoginPages(Logins logins, Clock clock) {
        this.logins = logins;
        this.clock = clock;
    }

    @GetMapping("/login")
    ResponseEntity<String> loginPage(HttpServletRequest request) {
        String notice = request.getParameter("logout") != null ? "You are logged out." : null;
        return page("Log in", notice, """
                <form method="post" action="/login">
                  %s
                  <label>Email <input type="email" name="username" autocomplete="username" required></label>
                  <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
                  <button type="submit">Log in</button>
                </form>""".formatted(csrf(request)));
    }

    @PostMapping("/login")
    ResponseEntity<String> login(
            @RequestParam(name = "username", required = false) String email,
            @RequestParam(name = "password", required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response) {
        LoginOutcome outcome = logins.authenticate(email, password, request.getRemoteAddr());
        return next(outcome, request, response);
    }

    @GetMapping("/login/second-factor")
    ResponseEntity<String> secondFactorPage(HttpServletRequest request) {
        if (pendingUser(request) == null) {
            return redirect("/login");
        }
        return page("Two-factor authentication", null, """
                <form method="post" action="/login/second-factor">
                  %s
                  <label>Code from your authenticator app, or a recovery code
                    <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" required></label>
                  <button type="submit">Continue</button>
                </form>""".formatted(csrf(request)));
    }

    @PostMapping("/login/second-factor")
    ResponseEntity<String> secondFactor(
            @RequestParam(name = "code", required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response) {
        UUID user = pendingUser(request);
        if (user == null) {
            return redirect("/login");
        }
        return next(logins.verifySecondFactor(user, code, request.getRemoteAddr()), request, response);
    }

    @GetMapping("/login/enrolment")
    ResponseEntity<String> enrolmentPage(HttpServletRequest request) {
        UUID user = pendingUser(request);
        if (user == null) {
            return redirect("/login");
        }
        TotpEnrolment enrolment = logins.beginTotpEnrolment(user);
        String qr = enrolment
                .qrCodePng()
                .map(png -> "<img alt=\"QR code\" src=\"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(png) + "\">")
                .orElse("");
        StringBuilder codes = new StringBuilder();
        enrolment.recoveryCodes().forEach(code -> codes.append("<li><code>")
                .append(HtmlUtils.htmlEscape(code))
                .append("</code></li>"));
        return page("Set up two-factor authentication", null, """
                <p>Platform staff need an authenticator app. Scan the code, or enter the secret by hand.</p>
                %s
                <p>Secret: <code id="secret">%s</code></p>
                <p>URI: <code id="otpauth">%s</code></p>
                <p>Recovery codes, each usable once. Store them now: they are not shown again.</p>
                <ul id="recovery-codes">%s</ul>
                <form method="post" action="/login/enrolment">
                  %s
                  <label>Code from the app <input type="text" name="code" inputmode="numeric" required></label>
                  <button type="submit">Confirm</button>
                </form>""".formatted(
                        qr,
                        HtmlUtils.htmlEscape(enrolment.secret()),
                        HtmlUtils.htmlEscape(enrolment.otpauthUri()),
                        codes,
                        csrf(request)));
    }

    @PostMapping("/login/enrolment")
    ResponseEntity<String> confirmEnrolment(
            @RequestParam(name = "code", required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response) {
        UUID user = pendingUser(request);
        if (user == null) {
            return redirect("/login");
        }
        LoginOutcome outcome = logins.confirmTotpEnrolment(user, code, request.getRemoteAddr());
        if (outcome instanceof LoginOutcome.Refused) {
            return redirect("/login/enrolment");
        }
        return next(outcome, request, response);
    }

    private ResponseEntity<String> next(
            LoginOutcome outcome, HttpServletRequest request, HttpServletResponse response) {
        return switch (outcome) {
            case LoginOutcome.Authenticated user -> {
                HttpSession session = request.getSession();
                session.removeAttribute(PENDING_USER);
                session.removeAttribute(PENDING_SINCE);
                request.changeSessionId();
                var authorities = user.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList();
                var authentication = UsernamePasswordAuthenticationToken.authenticated(
                        user.userId().toString(), null, authorities);
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
                SavedRequest saved = requestCache.getRequest(request, response);
                yield redirect(saved == null ? "/login?done" : saved.getRedirectUrl());
            }
            case LoginOutcome.SecondFactorRequired pending ->
                pending(request, pending.userId(), "/login/second-factor");
            case LoginOutcome.EnrolmentRequired pending -> pending(request, pending.userId(), "/login/enrolment");
            case LoginOutcome.Refused refused ->
                failure(401, "Wrong email, password or code, or the account is locked.");
            case LoginOutcome.Throttled throttled -> {
                long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
                yield ResponseEntity.status(429)
                        .header("Retry-After", Long.toString(seconds))
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noStore())
                        .body(html(
                                "Log in",
                                "Too many failed logins from your network. Try again in " + ((seconds + 59) / 60)
                                        + " minute(s).",
                                "<p><a href=\"/login\">Try again</a></p>"));
            }
        };
    }

    private ResponseEntity<String> pending(HttpServletRequest request, UUID user, String next) {
        HttpSession session = request.getSession();
        request.changeSessionId();
        session.setAttribute(PENDING_USER, user);
        session.setAttribute(PENDING_SINCE, clock.instant());
        return redirect(next);
    }

    private UUID pendingUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING_USER) instanceof UUID user)) {
            return null;
        }
        if (!(session.getAttribute(PENDING_SINCE) instanceof Instant since)
                || clock.instant().isAfter(since.plus(PENDING_VALIDITY))) {
            session.removeAttribute(PENDING_USER);
            return null;
        }
        return user;
    }

    private ResponseEntity<String> failure(int status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore())
                .body(html("Log in", message, "<p><a href=\"/login\">Try again</a></p>"));
    }

    private static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(302).header("Location", location).build();
    }

    private static ResponseEntity<String> page(String title, String notice, String body) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore())
                .body(html(title, notice, body));
    }

    private static String html(String title, String notice, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%s · FreightGate</title>
                <style>body{font-family:sans-serif;max-width:28em;margin:4em auto}label{display:block;margin:1em 0}</style>
                </head>
                <body><h1>%s</h1>%s%s</body>
                </html>""".formatted(
                        HtmlUtils.htmlEscape(title),
                        HtmlUtils.htmlEscape(title),
                        notice == null ? "" : "<p role=\"status\">" + HtmlUtils.htmlEscape(notice) + "</p>",
                        body);
    }

    private static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null
                ? ""
                : "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
                        .formatted(
                                HtmlUtils.htmlEscape(token.getParameterName()), HtmlUtils.htmlEscape(token.getToken()));
    }
}
