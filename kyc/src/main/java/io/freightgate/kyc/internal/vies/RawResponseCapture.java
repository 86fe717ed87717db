package io.freightgate.kyc.internal.vies;

import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.handler.soap.SOAPHandler;
import jakarta.xml.ws.handler.soap.SOAPMessageContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the inbound SOAP message (answer or fault) of one call as text, for the evidence file. One instance per call:
 * it holds the state of that call only.
 */
final class RawResponseCapture implements SOAPHandler<SOAPMessageContext> {

    private volatile @Nullable String raw;

    @Nullable
    String raw() {
        return raw;
    }

    @Override
    public boolean handleMessage(SOAPMessageContext context) {
        capture(context);
        return true;
    }

    @Override
    public boolean handleFault(SOAPMessageContext context) {
        capture(context);
        return true;
    }

    private void capture(SOAPMessageContext context) {
        if (Boolean.TRUE.equals(context.get(MessageContext.MESSAGE_OUTBOUND_PROPERTY))) {
            return;
        }
        SOAPMessage message = context.getMessage();
        if (message == null) {
            return;
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            raw = out.toString(StandardCharsets.UTF_8);
        } catch (SOAPException | IOException e) {
            raw = null;
        }
    }

    @Override
    public void close(MessageContext context) {
        // nothing to release
    }

    @Override
    public Set<QName> getHeaders() {
        return Set.of();
    }
}
