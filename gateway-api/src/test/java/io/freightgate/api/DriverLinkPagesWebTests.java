package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.SHIPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.LoadId;
import io.freightgate.loads.DeliveryConfirmationView;
import io.freightgate.loads.DriverLinks;
import io.freightgate.loads.FileRefused;
import io.freightgate.loads.LoadView;
import io.freightgate.loads.StopView;
import io.freightgate.loads.UploadProofOfDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@link DriverLinkPages} alone: the driver's proof-of-delivery page behind a driver link, rendered from its templates
 * under the public chain's headers; the link's token is the only credential.
 */
@ApiSlice(DriverLinkPages.class)
class DriverLinkPagesWebTests {

    private static final String PAGE = "/driver/loads/{token}";
    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DriverLinks driverLinks;

    @BeforeEach
    void theLinkOpensItsLoad() {
        when(driverLinks.open(any())).thenReturn(Optional.empty());
        when(driverLinks.open("tok-1")).thenReturn(Optional.of(load()));
    }

    @Test
    void theDriverSeesTheDeliveryStopEscapedAndNothingIsCachedOrScripted() throws Exception {
        mvc.perform(get(PAGE, "tok-1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(content().string(containsString("Proof of delivery LD-7")))
                .andExpect(content().string(containsString("&lt;b&gt;Dock 4&lt;/b&gt;, Lyon")))
                .andExpect(content().string(not(containsString("<b>Dock 4</b>"))))
                .andExpect(content().string(not(containsString("<script"))));
    }

    @Test
    void anUnknownOrExpiredLinkIs404AndStoresNothing() throws Exception {
        mvc.perform(get(PAGE, "gone")).andExpect(status().isNotFound());
        mvc.perform(multipart(PAGE, "gone")
                        .file(new MockMultipartFile("file", "pod.jpg", "image/jpeg", PHOTO))
                        .param("signatory_name", "J. Receiver"))
                .andExpect(status().isNotFound());
        verify(driverLinks, never()).uploadProofOfDelivery(any(), any());
    }

    @Test
    void theUploadCarriesThePhotoTheSignatoryAndTheTimeOfTheUpload() throws Exception {
        var confirmation = mock(DeliveryConfirmationView.class);
        when(confirmation.confirmsDelivery()).thenReturn(true);
        when(driverLinks.uploadProofOfDelivery(eq("tok-1"), any())).thenReturn(Optional.of(confirmation));
        mvc.perform(multipart(PAGE, "tok-1")
                        .file(new MockMultipartFile("file", "pod.jpg", "image/jpeg", PHOTO))
                        .param("signatory_name", "J. Receiver"))
                .andExpect(status().isCreated())
                .andExpect(content().string(containsString("The delivery is confirmed.")));
        var upload = ArgumentCaptor.forClass(UploadProofOfDelivery.class);
        verify(driverLinks).uploadProofOfDelivery(eq("tok-1"), upload.capture());
        assertThat(upload.getValue().fileName()).isEqualTo("pod.jpg");
        assertThat(upload.getValue().content()).isEqualTo(PHOTO);
        assertThat(upload.getValue().signatoryName()).isEqualTo("J. Receiver");
        assertThat(upload.getValue().claimedAt()).isEqualTo(ApiSliceConfiguration.NOW);
        assertThat(upload.getValue().lat()).isEmpty();
    }

    @Test
    void withoutThePhotoOrTheNameTheFormComesBackWith422() throws Exception {
        mvc.perform(multipart(PAGE, "tok-1").param("signatory_name", "J. Receiver"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Take a photo of the signed delivery note")));
        mvc.perform(multipart(PAGE, "tok-1")
                        .file(new MockMultipartFile("file", "pod.jpg", "image/jpeg", PHOTO))
                        .param("signatory_name", " "))
                .andExpect(status().isUnprocessableContent());
        verify(driverLinks, never()).uploadProofOfDelivery(any(), any());
    }

    @Test
    void aRefusedFileIsShownWithItsStatus() throws Exception {
        when(driverLinks.uploadProofOfDelivery(eq("tok-1"), any()))
                .thenThrow(new FileRefused(FileRefused.Reason.TOO_LARGE, "The file is larger than 10 MiB."))
                .thenThrow(new FileRefused(FileRefused.Reason.UNSUPPORTED_TYPE, "HEIC is not accepted."));
        mvc.perform(multipart(PAGE, "tok-1")
                        .file(new MockMultipartFile("file", "pod.jpg", "image/jpeg", PHOTO))
                        .param("signatory_name", "J. Receiver"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().string(containsString("The file is larger than 10 MiB.")));
        mvc.perform(multipart(PAGE, "tok-1")
                        .file(new MockMultipartFile("file", "pod.heic", "image/heic", PHOTO))
                        .param("signatory_name", "J. Receiver"))
                .andExpect(status().isUnsupportedMediaType());
    }

    private static LoadView load() {
        Instant planned = Instant.parse("2026-12-09T15:00:00Z");
        return new LoadView(
                new LoadId(UUID.randomUUID()),
                CARRIER,
                SHIPPER,
                "LD-7",
                Optional.empty(),
                Optional.empty(),
                List.of(
                        new StopView(
                                "PICKUP",
                                "Hamburg",
                                53.55,
                                9.99,
                                planned,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        new StopView(
                                "DELIVERY",
                                "<b>Dock 4</b>, Lyon",
                                45.76,
                                4.83,
                                planned,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())),
                Optional.empty(),
                "PLANNED",
                Optional.empty(),
                Optional.empty(),
                ApiSliceConfiguration.NOW,
                ApiSliceConfiguration.NOW);
    }
}
