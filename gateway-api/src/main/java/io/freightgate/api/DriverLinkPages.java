package io.freightgate.api;

import io.freightgate.loads.DeliveryConfirmationView;
import io.freightgate.loads.DriverLinks;
import io.freightgate.loads.FileRefused;
import io.freightgate.loads.LoadView;
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
 * The page a driver opens on the phone from a driver link ({@code /driver/loads/{token}}): the load's delivery stop and
 * a form that takes a photo (or a PDF) of the signed proof of delivery with the signatory's name. The token is the
 * only credential, valid for one load until it expires; an unknown or expired token gets the same 404 page. No script
 * runs on the page: the claimed delivery time is the time of the upload, and the photo's own EXIF says where it was
 * taken. The pages are templates ({@code templates/driver/}), every user string through {@code th:text}.
 */
@Controller
class DriverLinkPages {

    private final DriverLinks driverLinks;
    private final Clock clock;

    DriverLinkPages(DriverLinks driverLinks, Clock clock) {
        this.driverLinks = driverLinks;
        this.clock = clock;
    }

    /** The upload form's fields: the photo or PDF, and who signed it. */
    record ProofOfDeliveryForm(
            @Nullable MultipartFile file,
            @BindParam("signatory_name") @Nullable String signatoryName) {}

    @GetMapping("/driver/loads/{token}")
    ModelAndView page(@PathVariable String token, HttpServletResponse response) {
        return driverLinks
                .open(token)
                .map(load -> form(200, token, load, Optional.empty(), response))
                .orElseGet(() -> expired(response));
    }

    @PostMapping(value = "/driver/loads/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ModelAndView upload(@PathVariable String token, ProofOfDeliveryForm form, HttpServletResponse response)
            throws IOException {
        Optional<LoadView> load = driverLinks.open(token);
        if (load.isEmpty()) {
            return expired(response);
        }
        MultipartFile file = form.file();
        String signatoryName = form.signatoryName();
        if (file == null || file.isEmpty() || signatoryName == null || signatoryName.isBlank()) {
            return form(
                    422,
                    token,
                    load.get(),
                    Optional.of("Take a photo of the signed delivery note and enter the name"
                            + " of the person who signed."),
                    response);
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
            return stored.map(confirmation -> page("driver/received", 201, response)
                            .addObject("loadNumber", load.get().loadNumber())
                            .addObject("confirmsDelivery", confirmation.confirmsDelivery()))
                    .orElseGet(() -> expired(response));
        } catch (FileRefused e) {
            int status =
                    switch (e.reason()) {
                        case TOO_LARGE -> 413;
                        case UNSUPPORTED_TYPE -> 415;
                        case MALFORMED, ACTIVE_CONTENT, TOO_COMPLEX -> 422;
                        case BUSY -> 503;
                    };
            return form(status, token, load.get(), Optional.ofNullable(e.getMessage()), response);
        } catch (IllegalArgumentException e) {
            return form(422, token, load.get(), Optional.ofNullable(e.getMessage()), response);
        }
    }

    private static ModelAndView form(
            int status, String token, LoadView load, Optional<String> error, HttpServletResponse response) {
        return page("driver/proof-of-delivery", status, response)
                .addObject("token", token)
                .addObject("load", load)
                .addObject("deliveryAddress", load.stops().getLast().address())
                .addObject("error", error.orElse(null));
    }

    private static ModelAndView expired(HttpServletResponse response) {
        return page("driver/expired", 404, response);
    }

    private static ModelAndView page(String template, int status, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        var page = new ModelAndView(template);
        page.setStatus(HttpStatusCode.valueOf(status));
        return page;
    }
}
