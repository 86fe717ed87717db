package io.freightgate.api;

import io.freightgate.loads.DeliveryConfirmationView;
import io.freightgate.loads.DriverLinks;
import io.freightgate.loads.FileRefused;
import io.freightgate.loads.LoadView;
import io.freightgate.loads.UploadProofOfDelivery;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a driver opens on the phone from a driver link ({@code /driver/loads/{token}}): the load's delivery stop and
 * a form that takes a photo (or a PDF) of the signed proof of delivery with the signatory's name. The token is the
 * only credential, valid for one load until it expires; an unknown or expired token gets the same 404 page. No script
 * runs on the page: the claimed delivery time is the time of the upload, and the photo's own EXIF says where it was
 * taken.
 */
@Controller
class DriverLinkPages {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final DriverLinks driverLinks;
    private final Clock clock;

    DriverLinkPages(DriverLinks driverLinks, Clock clock) {
        this.driverLinks = driverLinks;
        this.clock = clock;
    }

    @GetMapping("/driver/loads/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        return driverLinks
                .open(token)
                .map(load -> html(200, "Proof of delivery " + load.loadNumber(), form(token, load, Optional.empty())))
                .orElseGet(DriverLinkPages::expired);
    }

    @PostMapping(value = "/driver/loads/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> upload(
            @PathVariable String token,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "signatory_name", required = false) String signatoryName)
            throws IOException {
        Optional<LoadView> load = driverLinks.open(token);
        if (load.isEmpty()) {
            return expired();
        }
        if (file == null || file.isEmpty() || signatoryName == null || signatoryName.isBlank()) {
            return html(
                    422,
                    "Proof of delivery " + load.get().loadNumber(),
                    form(
                            token,
                            load.get(),
                            Optional.of("Take a photo of the signed delivery note and enter the name"
                                    + " of the person who signed.")));
        }
        try {
            Optional<DeliveryConfirmationView> stored = driverLinks.uploadProofOfDelivery(
                    token,
                    new UploadProofOfDelivery(
                            Optional.ofNullable(file.getOriginalFilename()).orElse("pod"),
                            file.getBytes(),
                            signatoryName,
                            clock.instant(),
                            Optional.empty(),
                            Optional.empty()));
            return stored.map(confirmation -> html(
                            201,
                            "Proof of delivery received",
                            "<p>Thank you. The proof of delivery for load "
                                    + escape(load.get().loadNumber())
                                    + " is stored.</p>"
                                    + (confirmation.confirmsDelivery()
                                            ? "<p>The delivery is confirmed.</p>"
                                            : "<p>The photo was taken far from the consignee or long before or after"
                                                    + " now; the dispatcher will review it.</p>")))
                    .orElseGet(DriverLinkPages::expired);
        } catch (FileRefused e) {
            int status =
                    switch (e.reason()) {
                        case TOO_LARGE -> 413;
                        case UNSUPPORTED_TYPE -> 415;
                        case MALFORMED, ACTIVE_CONTENT, TOO_COMPLEX -> 422;
                        case BUSY -> 503;
                    };
            return html(
                    status,
                    "Proof of delivery " + load.get().loadNumber(),
                    form(token, load.get(), Optional.of(e.getMessage())));
        } catch (IllegalArgumentException e) {
            return html(
                    422,
                    "Proof of delivery " + load.get().loadNumber(),
                    form(token, load.get(), Optional.of(e.getMessage())));
        }
    }

    private static String form(String token, LoadView load, Optional<String> error) {
        var delivery = load.stops().getLast();
        return error.map(message -> "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>")
                        .orElse("")
                + "<p>Deliver to: <strong>" + escape(delivery.address()) + "</strong></p>"
                + "<form method=\"post\" enctype=\"multipart/form-data\" action=\"/driver/loads/" + escape(token)
                + "\">"
                + "<label>Photo of the signed delivery note (JPEG, PNG or PDF)<br>"
                + "<input type=\"file\" name=\"file\" accept=\"image/jpeg,image/png,application/pdf\""
                + " capture=\"environment\" required></label>"
                + "<label>Name of the person who signed<br>"
                + "<input type=\"text\" name=\"signatory_name\" maxlength=\"200\" autocomplete=\"name\" required>"
                + "</label><button type=\"submit\">Send proof of delivery</button></form>"
                + "<p class=\"hint\">Keep location on for the camera: the photo's position is part of the proof.</p>";
    }

    private static ResponseEntity<String> expired() {
        return html(
                404, "Link expired", "<p>This link is unknown or has expired. Ask your dispatcher for a new one.</p>");
    }

    private static ResponseEntity<String> html(int status, String title, String body) {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:1rem;max-width:32rem;font-size:1.1rem}"
                + "label{display:block;margin:1rem 0}input{font-size:1.1rem;width:100%}"
                + "button{font-size:1.2rem;padding:.8rem;width:100%}.error{color:#a00}.hint{color:#555}"
                + "</style></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
        return ResponseEntity.status(status)
                .contentType(HTML)
                .header("Cache-Control", "no-store")
                .body(page);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
