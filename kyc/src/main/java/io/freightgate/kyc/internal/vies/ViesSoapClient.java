package io.freightgate.kyc.internal.vies;

import com.sun.xml.ws.client.ClientTransportException;
import com.sun.xml.ws.developer.JAXWSProperties;
import io.freightgate.kyc.internal.vies.soap.CheckVatApprox;
import io.freightgate.kyc.internal.vies.soap.CheckVatApproxResponse;
import io.freightgate.kyc.internal.vies.soap.CheckVatPortType;
import io.freightgate.kyc.internal.vies.soap.CheckVatService;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.Handler;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.datatype.XMLGregorianCalendar;
import org.jspecify.annotations.Nullable;

/**
 * Checks VAT numbers against VIES with {@code checkVatApprox} through the JAX-WS client generated from the project's
 * own WSDL ({@code classpath:/wsdl/checkVatService.wsdl}; nothing is downloaded at run time). Every call sends the
 * platform's own VAT number as requester so VIES issues a consultation number, and every outcome is a {@link
 * ViesResult}: SOAP faults and timeouts become {@link ViesResult.Unknown} (or {@link ViesResult.BadRequest} for {@code
 * INVALID_INPUT}), never {@link ViesResult.Invalid}.
 *
 * <p>Thread-safe: the service (parsed WSDL) is shared, each call uses its own port. No retries, circuit breaking or
 * concurrency limits here; callers add them per member state.
 */
public final class ViesSoapClient {

    static final String WSDL_RESOURCE = "/wsdl/checkVatService.wsdl";

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z+*.]{2,12}");
    /**
     * A Romanian individual's VAT code is the 13-digit personal numeric code (CNP), one character more than the WSDL's
     * usage rule: it is sent all the same (should VIES refuse it, {@code INVALID_INPUT} still makes it a bad request).
     */
    private static final Pattern ROMANIAN_PERSONAL_CODE = Pattern.compile("[1-9][0-9]{12}");

    private final ViesClientSettings settings;
    private final Clock clock;
    private final CheckVatService service;

    public ViesSoapClient(ViesClientSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        URL wsdl = ViesSoapClient.class.getResource(WSDL_RESOURCE);
        if (wsdl == null) {
            throw new IllegalStateException(WSDL_RESOURCE + " is missing from the classpath");
        }
        this.service = new CheckVatService(wsdl);
    }

    public ViesClientSettings settings() {
        return settings;
    }

    /**
     * Asks VIES about one number.
     *
     * @param countryCode the VIES member state code ({@code EL}, not {@code GR}), as from the offline validator
     * @param vatNumber the number without prefix and separators
     */
    public ViesResult check(String countryCode, String vatNumber) {
        if (countryCode == null
                || vatNumber == null
                || !COUNTRY.matcher(countryCode).matches()
                || !(NUMBER.matcher(vatNumber).matches()
                        || ("RO".equals(countryCode)
                                && ROMANIAN_PERSONAL_CODE.matcher(vatNumber).matches()))) {
            return new ViesResult.BadRequest(
                    ViesFault.INVALID_INPUT,
                    "rejected before calling VIES: countryCode must match [A-Z]{2} and vatNumber [0-9A-Za-z+*.]{2,12}",
                    clock.instant());
        }
        CheckVatPortType port = service.getCheckVatPort();
        BindingProvider binding = (BindingProvider) port;
        Map<String, Object> context = binding.getRequestContext();
        context.put(
                BindingProvider.ENDPOINT_ADDRESS_PROPERTY, settings.endpoint().toString());
        context.put(
                JAXWSProperties.CONNECT_TIMEOUT,
                Math.toIntExact(settings.connectTimeout().toMillis()));
        context.put(
                JAXWSProperties.REQUEST_TIMEOUT,
                Math.toIntExact(settings.requestTimeout().toMillis()));
        RawResponseCapture capture = new RawResponseCapture();
        @SuppressWarnings("rawtypes")
        List<Handler> chain = List.of(capture);
        binding.getBinding().setHandlerChain(chain);

        CheckVatApprox request = new CheckVatApprox();
        request.setCountryCode(countryCode);
        request.setVatNumber(vatNumber);
        request.setRequesterCountryCode(settings.requesterCountryCode());
        request.setRequesterVatNumber(settings.requesterVatNumber());
        try {
            CheckVatApproxResponse response = port.checkVatApprox(request);
            return toResult(response, capture.raw());
        } catch (SOAPFaultException e) {
            String faultString = e.getFault() == null ? null : e.getFault().getFaultString();
            ViesFault fault = ViesFault.fromFaultString(faultString);
            String detail = faultString == null ? e.getMessage() : faultString;
            return fault.handling() == ViesFault.Handling.BAD_REQUEST
                    ? new ViesResult.BadRequest(fault, detail, clock.instant())
                    : new ViesResult.Unknown(fault, detail, clock.instant());
        } catch (WebServiceException e) {
            return new ViesResult.Unknown(classify(e), String.valueOf(e.getMessage()), clock.instant());
        }
    }

    private ViesResult toResult(CheckVatApproxResponse response, @Nullable String raw) {
        LocalDate requestDate = toDate(response.getRequestDate());
        String consultation = absentIfBlank(response.getRequestIdentifier());
        if (response.isValid()) {
            return new ViesResult.Valid(
                    response.getCountryCode(),
                    response.getVatNumber(),
                    requestDate,
                    absentIfBlank(value(response.getTraderName())),
                    absentIfBlank(response.getTraderAddress()),
                    consultation,
                    raw,
                    clock.instant());
        }
        return new ViesResult.Invalid(
                response.getCountryCode(), response.getVatNumber(), requestDate, consultation, raw, clock.instant());
    }

    /** Timeouts are CLIENT_TIMEOUT, other I/O and HTTP transport errors NETWORK_ERROR, anything else UNEXPECTED. */
    static ViesFault classify(WebServiceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return ViesFault.CLIENT_TIMEOUT;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof ClientTransportException) {
                return ViesFault.NETWORK_ERROR;
            }
        }
        return ViesFault.UNEXPECTED;
    }

    private static @Nullable LocalDate toDate(@Nullable XMLGregorianCalendar calendar) {
        return calendar == null ? null : LocalDate.of(calendar.getYear(), calendar.getMonth(), calendar.getDay());
    }

    private static @Nullable String value(@Nullable JAXBElement<String> element) {
        return element == null || element.isNil() ? null : element.getValue();
    }

    /** VIES writes {@code ---} where a member state discloses nothing; treat it, and blanks, as absent. */
    private static @Nullable String absentIfBlank(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() || "---".equals(t) ? null : s;
    }
}
