package io.freightgate.api;

import static io.freightgate.api.SliceCallers.CARRIER;
import static io.freightgate.api.SliceCallers.PLATFORM;
import static io.freightgate.api.SliceCallers.SHIPPER;
import static io.freightgate.api.SliceCallers.USER;
import static io.freightgate.api.SliceProblems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.freightgate.kernel.LoadId;
import io.freightgate.loads.CommunicationLog;
import io.freightgate.loads.CreateLoad;
import io.freightgate.loads.DriverLink;
import io.freightgate.loads.DriverLinks;
import io.freightgate.loads.FileRefused;
import io.freightgate.loads.LoadDocuments;
import io.freightgate.loads.LoadEvidence;
import io.freightgate.loads.LoadNotFound;
import io.freightgate.loads.LoadPlanning;
import io.freightgate.loads.LoadView;
import io.freightgate.loads.LoadViewer;
import io.freightgate.loads.LogEntryView;
import io.freightgate.loads.NewStop;
import io.freightgate.loads.StopView;
import io.freightgate.loads.TelematicsPing;
import io.freightgate.loads.UploadProofOfDelivery;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@link LoadsController} alone: planning, evidence, the communication log, documents and driver links. */
@ApiSlice(LoadsController.class)
class LoadsApiWebTests {

    private static final UUID LOAD = UUID.fromString("5a1e0000-0000-4000-8000-0000000000d1");
    private static final Instant PICKUP = Instant.parse("2026-12-08T07:00:00Z");
    private static final Instant DELIVERY = Instant.parse("2026-12-09T15:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    SliceCallers callers;

    @MockitoBean
    LoadPlanning planning;

    @MockitoBean
    LoadEvidence evidence;

    @MockitoBean
    DriverLinks driverLinks;

    @MockitoBean
    CommunicationLog communicationLog;

    @MockitoBean
    LoadDocuments documents;

    private static final String CREATE = """
            {"shipper_id": "%s", "load_number": "LD-7", "cmr_number": "CMR-1",
             "pickup": {"address": "Hamburg", "lat": 53.55, "lon": 9.99, "planned_at": "2026-12-08T07:00:00Z"},
             "delivery": {"address": "Lyon", "lat": 45.76, "lon": 4.83, "planned_at": "2026-12-09T15:00:00Z"},
             "driver_user_id": "driver-1"}
            """.formatted(SHIPPER.value());

    @Test
    void aDispatcherPlansALoadForAShipper() throws Exception {
        when(planning.create(any(), any())).thenReturn(load());
        mvc.perform(post("/api/v1/loads")
                        .with(callers.as(CARRIER, Role.CARRIER_DISPATCHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/loads/" + LOAD))
                .andExpect(jsonPath("$.load_number").value("LD-7"))
                .andExpect(jsonPath("$.stops[0].type").value("PICKUP"))
                .andExpect(jsonPath("$.stops[1].planned_at").value("2026-12-09T15:00:00Z"))
                .andExpect(OpenApiShapes.matches("LoadView"));
        verify(planning)
                .create(
                        CARRIER,
                        new CreateLoad(
                                SHIPPER,
                                "LD-7",
                                Optional.empty(),
                                Optional.of("CMR-1"),
                                new NewStop("Hamburg", 53.55, 9.99, PICKUP),
                                new NewStop("Lyon", 45.76, 4.83, DELIVERY),
                                Optional.of("driver-1")));
    }

    @Test
    void aLoadWithoutItsStopsOrCoordinatesOrPlannedByADriverOrShipperIsNotCreated() throws Exception {
        mvc.perform(post("/api/v1/loads")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE.replace("\"lat\": 45.76, ", "")))
                .andExpect(problem(ProblemType.VALIDATION_FAILED))
                .andExpect(jsonPath("$.errors[0].field").value("delivery.lat"));
        mvc.perform(post("/api/v1/loads")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shipper_id\": \"%s\", \"load_number\": \"LD-7\"}".formatted(SHIPPER.value())))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        mvc.perform(post("/api/v1/loads")
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(CREATE.replace("2026-12-08T07:00:00Z", "tomorrow")))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        for (var caller : List.of(
                callers.as(CARRIER, Role.CARRIER_DRIVER),
                callers.as(CARRIER, Role.CARRIER_FINANCE),
                callers.as(SHIPPER, Role.SHIPPER_ADMIN))) {
            mvc.perform(post("/api/v1/loads")
                            .with(caller)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(CREATE))
                    .andExpect(problem(ProblemType.FORBIDDEN));
        }
        verifyNoInteractions(planning);
    }

    @Test
    void whoReadsDecidesWhichLoadsAreSeen() throws Exception {
        when(planning.find(eq(new LoadId(LOAD)), any())).thenReturn(Optional.of(load()));
        mvc.perform(get("/api/v1/loads/{id}", LOAD).with(callers.as(CARRIER, Role.CARRIER_DRIVER)))
                .andExpect(status().isOk());
        verify(planning).find(new LoadId(LOAD), LoadViewer.driver(USER));
        // A driver who also dispatches sees the organization's loads.
        mvc.perform(get("/api/v1/loads/{id}", LOAD)
                        .with(callers.as(CARRIER, Role.CARRIER_DRIVER, Role.CARRIER_DISPATCHER)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/loads/{id}", LOAD).with(callers.as(SHIPPER, Role.SHIPPER_PAYER)))
                .andExpect(status().isOk());
        verify(planning, org.mockito.Mockito.times(2)).find(new LoadId(LOAD), LoadViewer.organization());
        mvc.perform(get("/api/v1/loads/{id}", LOAD).with(callers.as(PLATFORM, Role.COMPLIANCE_OFFICER)))
                .andExpect(status().isOk());
        verify(planning).find(new LoadId(LOAD), LoadViewer.staff());
        when(planning.list(any(), anyInt())).thenReturn(List.of(load()));
        mvc.perform(get("/api/v1/loads").param("limit", "5").with(callers.as(CARRIER, Role.CARRIER_DRIVER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(LOAD.toString()));
        verify(planning).list(LoadViewer.driver(USER), 5);
    }

    @Test
    void anUnknownLoadIs404() throws Exception {
        when(planning.find(any(), any())).thenReturn(Optional.empty());
        mvc.perform(get("/api/v1/loads/{id}", LOAD).with(callers.as(SHIPPER, Role.SHIPPER_ADMIN)))
                .andExpect(problem(ProblemType.NOT_FOUND))
                .andExpect(jsonPath("$.detail").value("Load " + LOAD + " not found."));
        when(evidence.confirmByShipper(new LoadId(LOAD))).thenThrow(new LoadNotFound(LOAD));
        mvc.perform(post("/api/v1/loads/{id}/shipper-confirmation", LOAD).with(callers.as(SHIPPER, Role.SHIPPER_PAYER)))
                .andExpect(problem(ProblemType.NOT_FOUND));
        mvc.perform(post("/api/v1/loads/{id}/shipper-confirmation", LOAD).with(callers.as(CARRIER, Role.CARRIER_ADMIN)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verify(evidence, org.mockito.Mockito.times(1)).confirmByShipper(any());
    }

    @Test
    void aDriverUploadsAProofOfDeliveryAsMultipart() throws Exception {
        var pdf = "%PDF-1.7 proof".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(multipart("/api/v1/loads/{id}/delivery-confirmations", LOAD)
                        .file(new MockMultipartFile("file", "pod.pdf", "application/pdf", pdf))
                        .param("signatory_name", "J. Receiver")
                        .param("delivered_at", "2026-12-09T15:10:00Z")
                        .param("lat", "45.76")
                        .with(callers.as(CARRIER, Role.CARRIER_DRIVER)))
                .andExpect(status().isCreated());
        var upload = ArgumentCaptor.forClass(UploadProofOfDelivery.class);
        verify(evidence).uploadProofOfDelivery(eq(new LoadId(LOAD)), eq(LoadViewer.driver(USER)), upload.capture());
        assertThat(upload.getValue().fileName()).isEqualTo("pod.pdf");
        assertThat(upload.getValue().content()).isEqualTo(pdf);
        assertThat(upload.getValue().signatoryName()).isEqualTo("J. Receiver");
        assertThat(upload.getValue().claimedAt()).isEqualTo(Instant.parse("2026-12-09T15:10:00Z"));
        assertThat(upload.getValue().lat()).contains(45.76);
        assertThat(upload.getValue().lon()).isEmpty();
    }

    @Test
    void aRefusedFileBecomesItsProblemAndAProofWithoutItsFieldsIsNotUploaded() throws Exception {
        when(evidence.uploadProofOfDelivery(any(), any(), any()))
                .thenThrow(new FileRefused(FileRefused.Reason.UNSUPPORTED_TYPE, "HEIC is not accepted"))
                .thenThrow(new FileRefused(FileRefused.Reason.TOO_LARGE, "Over 10 MiB"));
        for (ProblemType expected : List.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.PAYLOAD_TOO_LARGE)) {
            mvc.perform(multipart("/api/v1/loads/{id}/delivery-confirmations", LOAD)
                            .file(new MockMultipartFile("file", "pod.heic", "image/heic", new byte[] {1, 2}))
                            .param("signatory_name", "J. Receiver")
                            .param("delivered_at", "2026-12-09T15:10:00Z")
                            .with(callers.as(CARRIER, Role.CARRIER_DRIVER)))
                    .andExpect(problem(expected));
        }
        mvc.perform(multipart("/api/v1/loads/{id}/delivery-confirmations", LOAD)
                        .file(new MockMultipartFile("file", "pod.pdf", "application/pdf", new byte[] {1}))
                        .param("delivered_at", "2026-12-09T15:10:00Z")
                        .with(callers.as(CARRIER, Role.CARRIER_DRIVER)))
                .andExpect(problem(ProblemType.MALFORMED_REQUEST));
        mvc.perform(multipart("/api/v1/loads/{id}/delivery-confirmations", LOAD)
                        .file(new MockMultipartFile("file", "pod.pdf", "application/pdf", new byte[] {1}))
                        .param("signatory_name", "J. Receiver")
                        .param("delivered_at", "2026-12-09T15:10:00Z")
                        .with(callers.as(SHIPPER, Role.SHIPPER_ADMIN)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verify(evidence, org.mockito.Mockito.times(2)).uploadProofOfDelivery(any(), any(), any());
    }

    @Test
    void aTelematicsPingReachesTheEvidence() throws Exception {
        when(evidence.recordTelematics(any(), any(), any())).thenReturn(load());
        mvc.perform(post("/api/v1/loads/{id}/telematics-events", LOAD)
                        .with(callers.as(CARRIER, Role.CARRIER_DISPATCHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"device_id": "truck-9", "timestamp": "2026-12-09T14:58:00Z", "lat": 45.76, "lon": 4.83}
                                """))
                .andExpect(status().isOk());
        verify(evidence)
                .recordTelematics(
                        new LoadId(LOAD),
                        LoadViewer.organization(),
                        new TelematicsPing(
                                "truck-9", Instant.parse("2026-12-09T14:58:00Z"), 45.76, 4.83, Optional.empty()));
        mvc.perform(post("/api/v1/loads/{id}/telematics-events", LOAD)
                        .with(callers.as(CARRIER, Role.CARRIER_DISPATCHER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"device_id\": \"\", \"lat\": 45.76, \"lon\": 4.83}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        verify(evidence, org.mockito.Mockito.times(1)).recordTelematics(any(), any(), any());
    }

    @Test
    void messagesAsJsonOrAsRawEmailGoToTheCommunicationLog() throws Exception {
        var entry = new LogEntryView(3, ApiSliceConfiguration.NOW, "API", USER, "ETA", "Late by 2h", "aa", "bb");
        when(communicationLog.postMessage(any(), any(), any(), any())).thenReturn(entry);
        when(communicationLog.postEmail(any(), any(), any())).thenReturn(entry);
        mvc.perform(post("/api/v1/loads/{id}/messages", LOAD)
                        .with(callers.as(SHIPPER, Role.SHIPPER_PAYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"ETA\", \"body\": \"Late by 2h\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.seq").value(3))
                .andExpect(jsonPath("$.previous_hash").value("aa"))
                .andExpect(OpenApiShapes.matches("LogEntryView"));
        verify(communicationLog).postMessage(new LoadId(LOAD), LoadViewer.organization(), "ETA", "Late by 2h");

        byte[] mail = "From: a@b.example\r\nSubject: ETA\r\n\r\nLate".getBytes(StandardCharsets.US_ASCII);
        mvc.perform(post("/api/v1/loads/{id}/messages", LOAD)
                        .with(callers.as(CARRIER, Role.CARRIER_FINANCE))
                        .contentType("message/rfc822")
                        .content(mail))
                .andExpect(status().isCreated());
        var raw = ArgumentCaptor.forClass(byte[].class);
        verify(communicationLog).postEmail(eq(new LoadId(LOAD)), eq(LoadViewer.organization()), raw.capture());
        assertThat(raw.getValue()).isEqualTo(mail);

        mvc.perform(post("/api/v1/loads/{id}/messages", LOAD)
                        .with(callers.as(SHIPPER, Role.SHIPPER_PAYER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\": \"ETA\"}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        mvc.perform(post("/api/v1/loads/{id}/messages", LOAD)
                        .with(callers.as(PLATFORM, Role.PLATFORM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"hello\"}"))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verify(communicationLog, org.mockito.Mockito.times(1)).postMessage(any(), any(), any(), any());
    }

    @Test
    void theTranscriptIsPlainTextToDownload() throws Exception {
        when(communicationLog.transcript(new LoadId(LOAD), LoadViewer.staff())).thenReturn("#1 Late by 2h\n");
        mvc.perform(get("/api/v1/loads/{id}/communication-log/transcript", LOAD)
                        .with(callers.as(PLATFORM, Role.RISK_ANALYST)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/plain;charset=UTF-8"))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"communication-log-" + LOAD + ".txt\""))
                .andExpect(content().string("#1 Late by 2h\n"));
    }

    @Test
    void aDriverLinkPointsAtTheDriversPageAndOnlyManagersMakeOne() throws Exception {
        when(driverLinks.create(new LoadId(LOAD)))
                .thenReturn(new DriverLink(new LoadId(LOAD), "tok123", Instant.parse("2026-12-07T22:00:00Z")));
        mvc.perform(post("/api/v1/loads/{id}/driver-links", LOAD).with(callers.as(CARRIER, Role.CARRIER_DISPATCHER)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.url").value("/driver/loads/tok123"))
                .andExpect(jsonPath("$.load_id").value(LOAD.toString()))
                .andExpect(OpenApiShapes.matches("LoadsDriverLinkResponse"));
        mvc.perform(post("/api/v1/loads/{id}/driver-links", LOAD).with(callers.as(CARRIER, Role.CARRIER_DRIVER)))
                .andExpect(problem(ProblemType.FORBIDDEN));
        verify(driverLinks, org.mockito.Mockito.times(1)).create(any());
    }

    @Test
    void assigningAndUnassigningADriver() throws Exception {
        when(planning.assignDriver(any(), any())).thenReturn(load());
        mvc.perform(put("/api/v1/loads/{id}/driver", LOAD)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"driver_user_id\": null}"))
                .andExpect(status().isOk());
        verify(planning).assignDriver(new LoadId(LOAD), Optional.empty());
        mvc.perform(put("/api/v1/loads/{id}/driver", LOAD)
                        .with(callers.as(CARRIER, Role.CARRIER_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"driver_user_id\": \"" + "d".repeat(101) + "\"}"))
                .andExpect(problem(ProblemType.VALIDATION_FAILED));
        verify(planning, org.mockito.Mockito.times(1)).assignDriver(any(), any());
    }

    private static LoadView load() {
        return new LoadView(
                new LoadId(LOAD),
                CARRIER,
                SHIPPER,
                "LD-7",
                Optional.empty(),
                Optional.of("CMR-1"),
                List.of(
                        new StopView(
                                "PICKUP",
                                "Hamburg",
                                53.55,
                                9.99,
                                PICKUP,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        new StopView(
                                "DELIVERY",
                                "Lyon",
                                45.76,
                                4.83,
                                DELIVERY,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())),
                Optional.of("driver-1"),
                "PLANNED",
                Optional.empty(),
                Optional.empty(),
                ApiSliceConfiguration.NOW,
                ApiSliceConfiguration.NOW);
    }
}
