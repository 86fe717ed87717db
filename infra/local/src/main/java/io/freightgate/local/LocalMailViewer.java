package io.freightgate.local;

import io.freightgate.local.EmbeddedSmtpServer.CapturedMail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.owasp.encoder.Encode;
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
 * {@code GET /local/mail/{n}} shows one mail (1 is the first one received). Mail content is untrusted: every field is
 * HTML-encoded, and the HTML body is shown in an iframe with an empty {@code sandbox} (no scripts, no forms, no
 * same-origin access) whose {@code srcdoc} is attribute-encoded. The pages have no script of their own, so they run
 * under the gateway's Content-Security-Policy. Only in local mode; never in a production build.
 *
 * <p>Functional routes rather than a {@code @Controller}, so that the gateway's component scan, which covers this
 * package, never registers the viewer outside local mode: {@link LocalModeAutoConfiguration} alone does.
 */
public final class LocalMailViewer {

    static final String PATH = "/local/mail";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2733}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d5dbe3;vertical-align:top}
            dt{font-weight:600;margin-top:.5rem}
            pre{white-space:pre-wrap;background:#f4f6f8;padding:1rem}
            iframe{width:100%;height:32rem;border:1px solid #d5dbe3}
            """;

    private final EmbeddedSmtpServer smtp;

    public LocalMailViewer(EmbeddedSmtpServer smtp) {
        this.smtp = smtp;
    }

    /** {@code GET /local/mail} and {@code GET /local/mail/{n}}. */
    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET(PATH, request -> list())
                .GET(PATH + "/{number:[0-9]{1,9}}", this::show)
                .build();
    }

    ServerResponse list() {
        List<CapturedMail> received = smtp.receivedMail();
        var rows = new StringBuilder();
        for (int number = received.size(); number >= 1; number--) {
            CapturedMail mail = received.get(number - 1);
            rows.append("<tr><td><a href=\"")
                    .append(PATH)
                    .append('/')
                    .append(number)
                    .append("\">")
                    .append(number)
                    .append("</a></td><td>")
                    .append(time(mail.sentAt()))
                    .append("</td><td>")
                    .append(Encode.forHtml(mail.to()))
                    .append("</td><td><a href=\"")
                    .append(PATH)
                    .append('/')
                    .append(number)
                    .append("\">")
                    .append(Encode.forHtml(mail.subject()))
                    .append("</a></td></tr>\n");
        }
        String body = received.isEmpty()
                ? "<p>No mail yet. Mail the application sends in local mode arrives here; none leaves this machine.</p>"
                : "<table><thead><tr><th>#</th><th>Sent</th><th>To</th><th>Subject</th></tr></thead><tbody>\n" + rows
                        + "</tbody></table>";
        return page(
                "Local mail",
                "<h1>Local mail</h1><p>" + received.size() + " captured by the embedded SMTP server on port "
                        + smtp.port() + ".</p>" + body);
    }

    ServerResponse show(ServerRequest request) {
        int number = Integer.parseInt(request.pathVariable("number"));
        CapturedMail mail = smtp.mail(number).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var body = new StringBuilder()
                .append("<p><a href=\"")
                .append(PATH)
                .append("\">All mail</a></p>")
                .append("<h1>")
                .append(Encode.forHtml(mail.subject()))
                .append("</h1><dl>")
                .append(field("From", mail.from()))
                .append(field("To", mail.to()))
                .append(field("Sent", time(mail.sentAt())))
                .append(field("Content type", mail.contentType().orElse("")))
                .append("</dl>");
        mail.html().ifPresent(html -> body.append("<h2>HTML</h2><iframe sandbox=\"\" title=\"HTML body\" srcdoc=\"")
                .append(Encode.forHtmlAttribute(html))
                .append("\"></iframe>"));
        mail.text().ifPresent(text -> body.append("<h2>Text</h2><pre>")
                .append(Encode.forHtml(text))
                .append("</pre>"));
        body.append("<h2>Source</h2><pre>").append(Encode.forHtml(mail.raw())).append("</pre>");
        return page("Mail " + number, body.toString());
    }

    private static String field(String name, String value) {
        return "<dt>" + name + "</dt><dd>" + Encode.forHtml(value) + "</dd>";
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(TIME::format).orElse("");
    }

    private static ServerResponse page(String title, String content) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Encode.forHtml(title)
                + " - FreightGate</title><style>" + STYLE + "</style></head><body>" + content + "</body></html>";
        return ServerResponse.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }
}
