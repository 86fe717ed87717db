package io.freightgate.local;

import io.freightgate.local.EmbeddedSmtpServer.CapturedMail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Local mode's mail viewer: {@code GET /local/mail} lists what the embedded SMTP server captured, newest first, and
 * {@code GET /local/mail/{n}} shows one mail (1 is the first one received). The pages are the templates
 * {@code templates/local-mail/} of this module, rendered by the application's Thymeleaf in the application's layout.
 * Mail content is untrusted: every field goes through {@code th:text}; the HTML body is shown in a frame with an empty
 * {@code sandbox} (no scripts, no forms, no same-origin access) that loads it from {@code GET /local/mail/{n}/html},
 * sent with a policy of its own: {@code sandbox}, nothing loaded, no script, only the mail's own inline styles (a mail's
 * styles are inline, which the pages' strict policy would refuse). The pages have no script of their own, so they run
 * under the gateway's Content-Security-Policy. Only in local mode; never in a production build.
 *
 * <p>Functional routes rather than a {@code @Controller}, so that the gateway's component scan, which covers this
 * package, never registers the viewer outside local mode: {@link LocalModeAutoConfiguration} alone does.
 */
public final class LocalMailViewer {

    static final String PATH = "/local/mail";

    /** The policy of a mail's HTML body: a sandbox without scripts that loads nothing, the mail's styles inline. */
    static final String MAIL_BODY_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:;"
            + " frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final EmbeddedSmtpServer smtp;

    public LocalMailViewer(EmbeddedSmtpServer smtp) {
        this.smtp = smtp;
    }

    /** {@code GET /local/mail}, {@code GET /local/mail/{n}} and {@code GET /local/mail/{n}/html}. */
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(PATH, request -> list())
                .GET(PATH + "/{number:[0-9]{1,9}}", this::show)
                .GET(PATH + "/{number:[0-9]{1,9}}/html", this::htmlBody)
                .build();
    }

    /** One line of the list. */
    record Row(int number, String sent, String to, String subject) {}

    ServerResponse list() {
        List<CapturedMail> received = smtp.receivedMail();
        List<Row> rows = new ArrayList<>();
        for (int number = received.size(); number >= 1; number--) {
            CapturedMail mail = received.get(number - 1);
            rows.add(new Row(number, time(mail.sentAt()), mail.to(), mail.subject()));
        }
        return ServerResponse.ok()
                .cacheControl(CacheControl.noStore())
                .render("local-mail/list", Map.of("mails", rows, "count", received.size(), "port", smtp.port()));
    }

    ServerResponse show(ServerRequest request) {
        int number = Integer.parseInt(request.pathVariable("number"));
        CapturedMail mail = found(number);
        return ServerResponse.ok()
                .cacheControl(CacheControl.noStore())
                .render("local-mail/mail", Map.of("number", number, "mail", mail, "sent", time(mail.sentAt())));
    }

    ServerResponse htmlBody(ServerRequest request) {
        CapturedMail mail = found(Integer.parseInt(request.pathVariable("number")));
        String html = mail.html().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ServerResponse.ok()
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", MAIL_BODY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    private CapturedMail found(int number) {
        return smtp.mail(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(TIME::format).orElse("");
    }
}
