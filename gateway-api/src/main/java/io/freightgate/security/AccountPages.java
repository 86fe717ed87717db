package io.freightgate.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages the mailed links open: {@code /invitations/{token}} (set the first password) and
 * {@code /password-reset/{token}} (set a new one), plus {@code /password-reset} to ask for a reset mail. Plain forms,
 * no scripts, no session: on the token pages the token in the path is the credential (so a forged form post achieves
 * nothing without it), and the pages are sent with {@code Referrer-Policy: no-referrer} so the token does not leak to
 * other sites. The request form carries a CSRF token and is rate-limited like the API ({@link AccountPageSecurity}).
 * The same operations exist as JSON API ({@code /api/v1/invitations/...}, {@code /api/v1/password-resets...}).
 */
@Controller
class AccountPages {

    private final Invitations invitations;
    private final PasswordResets passwordResets;

    AccountPages(Invitations invitations, PasswordResets passwordResets) {
        this.invitations = invitations;
        this.passwordResets = passwordResets;
    }

    @GetMapping("/invitations/{token}")
    ResponseEntity<String> invitation(@PathVariable String token) {
        return page(200, "Accept your invitation", null, passwordForm("/invitations/" + token));
    }

    @PostMapping("/invitations/{token}")
    ResponseEntity<String> acceptInvitation(
            @PathVariable String token, @RequestParam(name = "password", required = false) String password) {
        try {
            invitations.accept(token, password == null ? "" : password);
            return page(200, "Accept your invitation", "Your password is set.", LOG_IN);
        } catch (PasswordRejected e) {
            return page(422, "Accept your invitation", e.getMessage(), passwordForm("/invitations/" + token));
        } catch (Invitations.InvitationNotFound e) {
            return page(404, "Accept your invitation", "This invitation is unknown, already used or expired.", "");
        }
    }

    @GetMapping("/password-reset")
    ResponseEntity<String> resetRequestPage(HttpServletRequest request) {
        return page(200, "Reset your password", null, """
                <form method="post" action="/password-reset">
                  %s
                  <label>Email <input type="email" name="email" autocomplete="username" required></label>
                  <button type="submit">Send me a link</button>
                </form>""".formatted(csrf(request)));
    }

    @PostMapping("/password-reset")
    ResponseEntity<String> requestReset(@RequestParam(name = "email", required = false) String email) {
        passwordResets.request(email);
        return page(
                202,
                "Reset your password",
                "If this address belongs to an active account, a link to reset its password is on its way.",
                LOG_IN);
    }

    @GetMapping("/password-reset/{token}")
    ResponseEntity<String> resetPage(@PathVariable String token) {
        return page(200, "Choose a new password", null, passwordForm("/password-reset/" + token));
    }

    @PostMapping("/password-reset/{token}")
    ResponseEntity<String> reset(
            @PathVariable String token, @RequestParam(name = "password", required = false) String password) {
        try {
            passwordResets.complete(token, password == null ? "" : password);
            return page(200, "Choose a new password", "Your new password is set.", LOG_IN);
        } catch (PasswordRejected e) {
            return page(422, "Choose a new password", e.getMessage(), passwordForm("/password-reset/" + token));
        } catch (PasswordResets.PasswordResetNotFound e) {
            return page(
                    404,
                    "Choose a new password",
                    "This link is unknown, already used or expired.",
                    "<p><a href=\"/password-reset\">Ask for a new one</a></p>");
        }
    }

    private static final String LOG_IN = "<p><a href=\"/login\">Log in</a></p>";

    private static String csrf(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null
                ? ""
                : "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
                        .formatted(
                                HtmlUtils.htmlEscape(token.getParameterName()), HtmlUtils.htmlEscape(token.getToken()));
    }

    private static String passwordForm(String action) {
        return """
                <form method="post" action="%s">
                  <p>At least 12 characters, not a common password, not your email address.</p>
                  <label>New password
                    <input type="password" name="password" autocomplete="new-password" minlength="12" required></label>
                  <button type="submit">Set password</button>
                </form>""".formatted(HtmlUtils.htmlEscape(action));
    }

    private static ResponseEntity<String> page(int status, String title, String notice, String body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore())
                .body("""
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
                                body));
    }
}
