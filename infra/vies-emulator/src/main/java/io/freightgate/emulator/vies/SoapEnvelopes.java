package io.freightgate.emulator.vies;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Reads VIES SOAP 1.1 requests with a hardened DOM parser and writes the answers by hand. */
final class SoapEnvelopes {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String TYPES_NS = "urn:ec.europa.eu:taxud:vies:services:checkVat:types";

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    private SoapEnvelopes() {}

    /** The operation element of a request and its direct children (types namespace) by local name. */
    record Request(String operation, Map<String, String> fields) {
        @Nullable
        String field(String name) {
            String v = fields.get(name);
            return v == null ? null : v.strip();
        }
    }

    /** A request the emulator cannot read: answered with a {@code env:Client} fault. */
    static final class MalformedRequest extends Exception {
        private final String reason;

        MalformedRequest(String reason) {
            super(reason);
            this.reason = reason;
        }

        /** What the fault's {@code faultstring} says. */
        String reason() {
            return reason;
        }
    }

    /**
     * A DocumentBuilderFactory that refuses DOCTYPEs and never resolves external entities, DTDs, schemas or XIncludes
     * (XXE and entity-expansion safe).
     */
    static DocumentBuilderFactory hardenedFactory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
    }

    static Request parse(byte[] body) throws MalformedRequest {
        Document doc;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new MalformedRequest("not well-formed XML: " + e.getMessage());
        }
        Element envelope = doc.getDocumentElement();
        if (!SOAP_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new MalformedRequest("not a SOAP 1.1 envelope");
        }
        Element soapBody = firstChild(envelope, SOAP_NS, "Body");
        if (soapBody == null) {
            throw new MalformedRequest("no SOAP Body");
        }
        Element operation = firstElement(soapBody);
        if (operation == null || !TYPES_NS.equals(operation.getNamespaceURI())) {
            throw new MalformedRequest("no checkVat/checkVatApprox element in " + TYPES_NS);
        }
        Map<String, String> fields = new HashMap<>();
        for (Node n = operation.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (!TYPES_NS.equals(e.getNamespaceURI())) {
                    throw new MalformedRequest("element " + e.getLocalName() + " is not in " + TYPES_NS);
                }
                fields.put(e.getLocalName(), e.getTextContent());
            }
        }
        return new Request(operation.getLocalName(), fields);
    }

    private static @Nullable Element firstChild(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static @Nullable Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    /** Writes {@code <ns2:name>value</ns2:name>} (escaped); nothing when value is null. */
    static void element(StringBuilder out, String name, @Nullable String value) {
        if (value == null) {
            return;
        }
        out.append("<ns2:").append(name).append('>');
        out.append(escape(value));
        out.append("</ns2:").append(name).append('>');
    }

    static String envelope(String bodyContent) {
        return "<env:Envelope xmlns:env=\"" + SOAP_NS + "\"><env:Header/><env:Body>" + bodyContent
                + "</env:Body></env:Envelope>";
    }

    static String fault(String faultCode, String faultString) {
        return envelope("<env:Fault><faultcode>env:" + faultCode + "</faultcode><faultstring>" + escape(faultString)
                + "</faultstring></env:Fault>");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
