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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The server-rendered login of the authorization server: email and password, then the TOTP code (or a recovery code);
 * a platform user without TOTP is sent to enrol first (QR code, recovery codes shown once, confirmed with a code).
 * Between the steps the session holds only the pending user id, for at most five minutes. On success the session id
 * changes (no fixation) and the browser returns to the {@code /oauth2/authorize} request that sent it here. The pages
 * are templates ({@code templates/login/}): every user string through {@code th:text}, the CSRF token in every form,
 * no inline script or style.
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

    /** The login form's fields. */
    record LoginForm(String username, String password) {}

    /** A code from the authenticator app, or a recovery code. */
    record CodeForm(String code) {}

    @GetMapping("/login")
    ModelAndView loginPage(HttpServletRequest request, HttpServletResponse response) {
        String notice = request.getParameter("logout") != null ? "You are logged out." : null;
        return page("login/login", 200, response).addObject("notice", notice);
    }

    @PostMapping("/login")
    ModelAndView login(LoginForm form, HttpServletRequest request, HttpServletResponse response) {
        LoginOutcome outcome = logins.authenticate(form.username(), form.password(), request.getRemoteAddr());
        return next(outcome, request, response);
    }

    @GetMapping("/login/second-factor")
    ModelAndView secondFactorPage(HttpServletRequest request, HttpServletResponse response) {
        if (pendingUser(request) == null) {
            return redirect("/login");
        }
        return page("login/second-factor", 200, response);
    }

    @PostMapping("/login/second-factor")
    ModelAndView secondFactor(CodeForm form, HttpServletRequest request, HttpServletResponse response) {
        UUID user = pendingUser(request);
        if (user == null) {
            return redirect("/login");
        }
        return next(logins.verifySecondFactor(user, form.code(), request.getRemoteAddr()), request, response);
    }

    @GetMapping("/login/enrolment")
    ModelAndView enrolmentPage(HttpServletRequest request, HttpServletResponse response) {
        UUID user = pendingUser(request);
        if (user == null) {
            return redirect("/login");
        }
        TotpEnrolment enrolment = logins.beginTotpEnrolment(user);
        return page("login/enrolment", 200, response)
                .addObject(
                        "qrCode",
                        enrolment
                                .qrCodePng()
                                .map(png -> "data:image/png;base64,"
                                        + Base64.getEncoder().encodeToString(png))
                                .orElse(null))
                .addObject("secret", enrolment.secret())
                .addObject("otpauthUri", enrolment.otpauthUri())
                .addObject("recoveryCodes", enrolment.recoveryCodes());
    }

    @PostMapping("/login/enrolment")
    ModelAndView confirmEnrolment(CodeForm form, HttpServletRequest request, HttpServletResponse response) {
        UUID user = pendingUser(request);
        if (user == null) {
            return redirect("/login");
        }
        LoginOutcome outcome = logins.confirmTotpEnrolment(user, form.code(), request.getRemoteAddr());
        if (outcome instanceof LoginOutcome.Refused) {
            return redirect("/login/enrolment");
        }
        return next(outcome, request, response);
    }

    private ModelAndView next(LoginOutcome outcome, HttpServletRequest request, HttpServletResponse response) {
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
                message(401, "Wrong email, password or code, or the account is locked.", response);
            case LoginOutcome.Throttled throttled -> {
                long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
                response.setHeader("Retry-After", Long.toString(seconds));
                yield message(
                        429,
                        "Too many failed logins from your network. Try again in " + ((seconds + 59) / 60)
                                + " minute(s).",
                        response);
            }
        };
    }

    private ModelAndView pending(HttpServletRequest request, UUID user, String next) {
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

    private static ModelAndView message(int status, String message, HttpServletResponse response) {
        return page("login/message", status, response).addObject("notice", message);
    }

    private static ModelAndView redirect(String location) {
        var view = new RedirectView(location, true, false);
        view.setStatusCode(HttpStatus.FOUND);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    private static ModelAndView page(String template, int status, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        var page = new ModelAndView(template);
        page.setStatus(HttpStatusCode.valueOf(status));
        return page;
    }
}
