package io.freightgate.api;

import io.freightgate.disputes.DisputeDesk;
import io.freightgate.disputes.UploadRequest;
import io.freightgate.kernel.LoadId;
import io.freightgate.loads.DeliveryConfirmationView;
import io.freightgate.loads.DriverLinks;
import io.freightgate.loads.FileRefused;
import io.freightgate.loads.UploadProofOfDelivery;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a carrier opens from a dispute's upload link ({@code /disputes/uploads/{token}}), without a login: what
 * finance staff ask for, and a form that takes the signed proof of delivery with the signatory's name. The token is the
 * only credential; it works once (the upload uses it up, a refused file gives it back so the carrier can try again)
 * and until it expires; an unknown, used or expired token gets the same 404 page. The file is inspected and stored as
 * every proof of delivery is (the loads module's upload checks: size, type by content, active content), with channel
 * {@code DISPUTE_LINK}, and the case's timeline records the upload. No script runs on the page; every user string goes
 * through {@code th:text}.
 */
@Controller
class DisputeUploadPages {

    private final DisputeDesk desk;
    private final DriverLinks uploads;
    private final Clock clock;

    DisputeUploadPages(DisputeDesk desk, DriverLinks uploads, Clock clock) {
        this.desk = desk;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** The upload form's fields: the document, and who signed it. */
    record UploadForm(
            @Nullable MultipartFile file,
            @BindParam("signatory_name") @Nullable String signatoryName) {}

    @GetMapping("/disputes/uploads/{token}")
    ModelAndView page(@PathVariable String token, HttpServletResponse response) {
        return desk.openUpload(token)
                .map(request -> form(200, token, request, Optional.empty(), response))
                .orElseGet(() -> expired(response));
    }

    @PostMapping(value = "/disputes/uploads/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ModelAndView upload(@PathVariable String token, UploadForm form, HttpServletResponse response) throws IOException {
        Optional<UploadRequest> open = desk.openUpload(token);
        if (open.isEmpty()) {
            return expired(response);
        }
        MultipartFile file = form.file();
        String signatoryName = form.signatoryName();
        if (file == null || file.isEmpty() || signatoryName == null || signatoryName.isBlank()) {
            return form(
                    422,
                    token,
                    open.get(),
                    Optional.of("Choose the signed document and enter the name of the person who signed."),
                    response);
        }
        Optional<UploadRequest> claimed = desk.claimUpload(token);
        if (claimed.isEmpty()) {
            return expired(response);
        }
        UploadRequest request = claimed.get();
        try {
            Optional<DeliveryConfirmationView> stored = uploads.uploadRequestedProofOfDelivery(
                    new LoadId(request.loadId()),
                    new UploadProofOfDelivery(
                            Optional.ofNullable(file.getOriginalFilename()).orElse("document"),
                            file.getBytes(),
                            signatoryName,
                            clock.instant(),
                            Optional.empty(),
                            Optional.empty()));
            if (stored.isEmpty()) {
                desk.giveBackUpload(request.id());
                return expired(response);
            }
            desk.uploadReceived(
                    request,
                    "proof of delivery " + stored.get().id() + " signed by "
                            + stored.get().signatoryName());
            return page("disputes/received", 201, response).addObject("loadReference", request.loadReference());
        } catch (FileRefused e) {
            desk.giveBackUpload(request.id());
            int status =
                    switch (e.reason()) {
                        case TOO_LARGE -> 413;
                        case UNSUPPORTED_TYPE -> 415;
                        case MALFORMED, ACTIVE_CONTENT, TOO_COMPLEX -> 422;
                        case BUSY -> 503;
                    };
            return form(status, token, request, Optional.ofNullable(e.getMessage()), response);
        } catch (IllegalArgumentException e) {
            desk.giveBackUpload(request.id());
            return form(422, token, request, Optional.ofNullable(e.getMessage()), response);
        }
    }

    private static ModelAndView form(
            int status, String token, UploadRequest request, Optional<String> error, HttpServletResponse response) {
        return page("disputes/upload", status, response)
                .addObject("token", token)
                .addObject("request", request)
                .addObject("error", error.orElse(null));
    }

    private static ModelAndView expired(HttpServletResponse response) {
        return page("disputes/expired", 404, response);
    }

    private static ModelAndView page(String template, int status, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        var page = new ModelAndView(template);
        page.setStatus(HttpStatusCode.valueOf(status));
        return page;
    }
}
