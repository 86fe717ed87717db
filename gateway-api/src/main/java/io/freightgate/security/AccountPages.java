package io.freightgate.security;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages the mailed links open: {@code /invitations/{token}} (set the first password) and
 * {@code /password-reset/{token}} (set a new one), plus {@code /password-reset} to ask for a reset mail. Plain forms,
 * no session: on the token pages the token in the path is the credential (so a forged form post achieves nothing
 * without it), and the pages are sent with {@code Referrer-Policy: no-referrer} so the token does not leak to other
 * sites. The request form carries a CSRF token and is rate-limited like the API ({@link AccountPageSecurity}). The same
 * operations exist as JSON API ({@code /api/v1/invitations/...}, {@code /api/v1/password-resets...}). The pages are
 * one template ({@code templates/account/page.html}): every user string through {@code th:text}.
 */
@Controller
class AccountPages {

    private static final String INVITATION = "Accept your invitation";
    private static final String RESET = "Reset your password";
    private static final String NEW_PASSWORD = "Choose a new password";

    private final Invitations invitations;
    private final PasswordResets passwordResets;

    AccountPages(Invitations invitations, PasswordResets passwordResets) {
        this.invitations = invitations;
        this.passwordResets = passwordResets;
    }

    /** The password forms' one field. */
    record PasswordForm(String password) {}

    /** The reset request form's one field. */
    record ResetRequestForm(String email) {}

    @GetMapping("/invitations/{token}")
    ModelAndView invitation(@PathVariable String token, HttpServletResponse response) {
        return passwordForm(200, INVITATION, null, "/invitations/" + token, response);
    }

    @PostMapping("/invitations/{token}")
    ModelAndView acceptInvitation(@PathVariable String token, PasswordForm form, HttpServletResponse response) {
        try {
            invitations.accept(token, form.password() == null ? "" : form.password());
            return page(200, INVITATION, response)
                    .addObject("notice", "Your password is set.")
                    .addObject("ok", true)
                    .addObject("next", "login");
        } catch (PasswordRejected e) {
            return passwordForm(422, INVITATION, e.getMessage(), "/invitations/" + token, response);
        } catch (Invitations.InvitationNotFound e) {
            return page(404, INVITATION, response)
                    .addObject(
                            "notice",
                            "This invitation is unknown, already used or expired. Ask your administrator to invite"
                                    + " you again.");
        }
    }

    @GetMapping("/password-reset")
    ModelAndView resetRequestPage(HttpServletResponse response) {
        return page(200, RESET, response).addObject("form", "reset-request");
    }

    @PostMapping("/password-reset")
    ModelAndView requestReset(ResetRequestForm form, HttpServletResponse response) {
        passwordResets.request(form.email());
        return page(202, RESET, response)
                .addObject(
                        "notice",
                        "If this address belongs to an active account, a link to reset its password is on its way.")
                .addObject("ok", true)
                .addObject("next", "login");
    }

    @GetMapping("/password-reset/{token}")
    ModelAndView resetPage(@PathVariable String token, HttpServletResponse response) {
        return passwordForm(200, NEW_PASSWORD, null, "/password-reset/" + token, response);
    }

    @PostMapping("/password-reset/{token}")
    ModelAndView reset(@PathVariable String token, PasswordForm form, HttpServletResponse response) {
        try {
            passwordResets.complete(token, form.password() == null ? "" : form.password());
            return page(200, NEW_PASSWORD, response)
                    .addObject("notice", "Your new password is set.")
                    .addObject("ok", true)
                    .addObject("next", "login");
        } catch (PasswordRejected e) {
            return passwordForm(422, NEW_PASSWORD, e.getMessage(), "/password-reset/" + token, response);
        } catch (PasswordResets.PasswordResetNotFound e) {
            return page(404, NEW_PASSWORD, response)
                    .addObject("notice", "This link is unknown, already used or expired.")
                    .addObject("next", "reset");
        }
    }

    private static ModelAndView passwordForm(
            int status, String title, @Nullable String error, String action, HttpServletResponse response) {
        return page(status, title, response)
                .addObject("notice", error)
                .addObject("form", "password")
                .addObject("action", action);
    }

    private static ModelAndView page(int status, String title, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        var page = new ModelAndView("account/page")
                .addObject("heading", title)
                .addObject("ok", false)
                .addObject("form", "none")
                .addObject("next", "none");
        page.setStatus(HttpStatusCode.valueOf(status));
        return page;
    }
}
