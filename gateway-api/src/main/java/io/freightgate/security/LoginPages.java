package io.freightgate.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
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

    private static final Logger log = LoggerFactory.getLogger(LoginPages.class);
    private static final String PENDING_USER = "fg.login.pending-user";
    private static final String PENDING_SINCE = "fg.login.pending-since";
    private static final String PENDING_DEVICE = "fg.login.pending-device";
    private static final Duration PENDING_VALIDITY = Duration.ofMinutes(5);

    private final Logins logins;
    private final Clock clock;
    private final ObjectProvider<LoginDevices> devices;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RequestCache requestCache = new HttpSessionRequestCache();

    LoginPages(Logins logins, Clock clock, ObjectProvider<LoginDevices> devices) {
        this.logins = logins;
        this.clock = clock;
        this.devices = devices;
    }

    /** The login form's fields. */
    record LoginForm(
            String username,
            String password,
            @BindParam("device_fingerprint") @Nullable String deviceFingerprint) {}

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
        String device = form.deviceFingerprint();
        if (!(outcome instanceof LoginOutcome.Refused || outcome instanceof LoginOutcome.Throttled)
                && device != null
                && !device.isBlank()
                && device.length() <= LoginDevices.LIMIT) {
            // kept until the login completes (after a second factor, if one is asked for)
            request.getSession().setAttribute(PENDING_DEVICE, device);
        }
        return next(outcome, clock.instant(), false, request, response);
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
        return next(
                logins.verifySecondFactor(user, form.code(), request.getRemoteAddr()),
                pendingSince(request),
                true,
                request,
                response);
    }

    @GetMapping("/login/enrolment")
    ModelAndView enrolmentPage(HttpServletRequest request, HttpServletResponse response) {
        UUID user = pendingUser(request);
        if (user == null) {
            Optional<UUID> signedIn = signedInUser();
            if (signedIn.isEmpty()) {
                return redirect("/login");
            }
            if (logins.hasSecondFactor(signedIn.get())) {
                return message(409, "Two-factor authentication is already on for your account.", response);
            }
            user = signedIn.get();
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
        Optional<UUID> signedIn = user == null ? signedInUser() : Optional.empty();
        if (user == null && signedIn.isEmpty()) {
            return redirect("/login");
        }
        UUID enrolling = user == null ? signedIn.get() : user;
        LoginOutcome outcome = logins.confirmTotpEnrolment(enrolling, form.code(), request.getRemoteAddr());
        if (outcome instanceof LoginOutcome.Refused) {
            return redirect("/login/enrolment");
        }
        if (user == null) {
            // A signed-in person added TOTP: the session's login now has a fresh second factor; the back office logs
            // in again to get it into its tokens.
            return signedInAgain(outcome, passwordTime(), request, response, BACK_OFFICE_LOGIN);
        }
        return next(outcome, pendingSince(request), true, request, response);
    }

    /**
     * Step-up ({@link StepUp}): a signed-in person proves the second factor again (or enrols one, when the account has
     * none yet), then continues at {@code continue} (a path of this site) or logs the back office in again.
     */
    @GetMapping(StepUp.STEP_UP_PATH)
    ModelAndView stepUpPage(HttpServletRequest request, HttpServletResponse response) {
        Optional<UUID> signedIn = signedInUser();
        if (signedIn.isEmpty()) {
            return redirect("/login");
        }
        if (!logins.hasSecondFactor(signedIn.get())) {
            return redirect("/login/enrolment");
        }
        return page("login/step-up", 200, response).addObject("continueTo", continueTo(request));
    }

    @PostMapping(StepUp.STEP_UP_PATH)
    ModelAndView stepUp(CodeForm form, HttpServletRequest request, HttpServletResponse response) {
        Optional<UUID> signedIn = signedInUser();
        if (signedIn.isEmpty()) {
            return redirect("/login");
        }
        LoginOutcome outcome = logins.verifySecondFactor(signedIn.get(), form.code(), request.getRemoteAddr());
        if (outcome instanceof LoginOutcome.Authenticated) {
            return signedInAgain(outcome, passwordTime(), request, response, continueTo(request));
        }
        return next(outcome, clock.instant(), true, request, response);
    }

    /** Where the back office starts its login (as a client of this authorization server). */
    static final String BACK_OFFICE_LOGIN = "/oauth2/authorization/" + BackOfficeLogin.REGISTRATION_ID;

    private static String continueTo(HttpServletRequest request) {
        String target = request.getParameter("continue");
        // Only a path of this site: never another origin (//host, /\host) or a scheme.
        return target != null && target.matches("/[A-Za-z0-9/_\\-.?=&%]*") && !target.startsWith("//")
                ? target
                : BACK_OFFICE_LOGIN;
    }

    private ModelAndView signedInAgain(
            LoginOutcome outcome,
            Instant passwordAt,
            HttpServletRequest request,
            HttpServletResponse response,
            String target) {
        if (outcome instanceof LoginOutcome.Authenticated user) {
            signIn(user, passwordAt, true, request, response);
            return redirect(target);
        }
        return next(outcome, passwordAt, true, request, response);
    }

    /** The user of the session's completed login (the authorization server's, not the back office's). */
    private static Optional<UUID> signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof UsernamePasswordAuthenticationToken token) || !token.isAuthenticated()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(token.getName()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** When the session's login checked the password (now, if it did not record it). */
    private Instant passwordTime() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                ? clock.instant()
                : StepUp.passwordTime(authentication.getAuthorities()).orElse(clock.instant());
    }

    /**
     * The next page after a login step. {@code passwordAt} is when the password was checked; {@code secondFactor}
     * says whether this step proved a second factor (now).
     */
    private ModelAndView next(
            LoginOutcome outcome,
            Instant passwordAt,
            boolean secondFactor,
            HttpServletRequest request,
            HttpServletResponse response) {
        return switch (outcome) {
            case LoginOutcome.Authenticated user -> {
                signIn(user, passwordAt, secondFactor, request, response);
                SavedRequest saved = requestCache.getRequest(request, response);
                yield redirect(saved == null ? BACK_OFFICE_LOGIN : saved.getRedirectUrl());
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

    /**
     * Stores the completed login in the session under a new id (no fixation): the user's roles and the factors with
     * their times, which the authorization server turns into {@code amr} and {@code auth_time}.
     */
    private void signIn(
            LoginOutcome.Authenticated user,
            Instant passwordAt,
            boolean secondFactor,
            HttpServletRequest request,
            HttpServletResponse response) {
        HttpSession session = request.getSession();
        session.removeAttribute(PENDING_USER);
        session.removeAttribute(PENDING_SINCE);
        if (session.getAttribute(PENDING_DEVICE) instanceof String device) {
            session.removeAttribute(PENDING_DEVICE);
            reportDevice(user, device);
        }
        request.changeSessionId();
        var authorities = new ArrayList<GrantedAuthority>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        authorities.addAll(StepUp.factors(passwordAt, secondFactor ? Optional.of(clock.instant()) : Optional.empty()));
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(user.userId().toString(), null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Reports the login's device to fraud screening; never fails the login. */
    private void reportDevice(LoginOutcome.Authenticated user, String device) {
        devices.ifAvailable(port -> {
            try {
                port.loggedIn(user.userId(), user.organization(), user.roles(), device);
            } catch (RuntimeException e) {
                log.warn("The device of user {}'s login could not be recorded: {}", user.userId(), e.toString());
            }
        });
    }

    private ModelAndView pending(HttpServletRequest request, UUID user, String next) {
        HttpSession session = request.getSession();
        request.changeSessionId();
        session.setAttribute(PENDING_USER, user);
        session.setAttribute(PENDING_SINCE, clock.instant());
        return redirect(next);
    }

    /** When the pending login checked the password. */
    private Instant pendingSince(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(PENDING_SINCE) instanceof Instant since
                ? since
                : clock.instant();
    }

    private @Nullable UUID pendingUser(HttpServletRequest request) {
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
