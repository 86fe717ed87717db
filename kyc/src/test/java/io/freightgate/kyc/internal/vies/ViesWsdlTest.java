package io.freightgate.kyc.internal.vies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The shape of the project's WSDL: the real VIES service checks namespaces, element names, types and order. */
class ViesWsdlTest {

    private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    private static final String SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema";
    private static final String IMPL = "urn:ec.europa.eu:taxud:vies:services:checkVat";
    private static final String TYPES = "urn:ec.europa.eu:taxud:vies:services:checkVat:types";

    private static Document wsdl;

    @BeforeAll
    static void parse() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try (InputStream in = ViesWsdlTest.class.getResourceAsStream(ViesSoapClient.WSDL_RESOURCE)) {
            assertThat(in).as("WSDL on the classpath").isNotNull();
            wsdl = f.newDocumentBuilder().parse(in);
        }
    }

    @Test
    void namespaces_and_service_names() {
        Element root = wsdl.getDocumentElement();
        assertThat(root.getAttribute("targetNamespace")).isEqualTo(IMPL);
        Element schema = (Element) wsdl.getElementsByTagNameNS(XSD, "schema").item(0);
        assertThat(schema.getAttribute("targetNamespace")).isEqualTo(TYPES);
        assertThat(schema.getAttribute("elementFormDefault")).isEqualTo("qualified");
        assertThat(names(WSDL, "portType")).containsExactly("checkVatPortType");
        assertThat(names(WSDL, "binding")).containsExactly("checkVatBinding");
        assertThat(names(WSDL, "service")).containsExactly("checkVatService");
        assertThat(names(WSDL, "port")).containsExactly("checkVatPort");
        assertThat(names(WSDL, "message"))
                .containsExactlyInAnyOrder(
                        "checkVatRequest", "checkVatResponse", "checkVatApproxRequest", "checkVatApproxResponse");
    }

    @Test
    void document_literal_soap11_binding_with_empty_soap_action() {
        Element binding = (Element) wsdl.getElementsByTagNameNS(SOAP, "binding").item(0);
        assertThat(binding.getAttribute("style")).isEqualTo("document");
        assertThat(binding.getAttribute("transport")).isEqualTo("http://schemas.xmlsoap.org/soap/http");
        NodeList operations = wsdl.getElementsByTagNameNS(SOAP, "operation");
        assertThat(operations.getLength()).isEqualTo(2);
        for (int i = 0; i < operations.getLength(); i++) {
            assertThat(((Element) operations.item(i)).getAttribute("soapAction"))
                    .isEmpty();
        }
        NodeList bodies = wsdl.getElementsByTagNameNS(SOAP, "body");
        for (int i = 0; i < bodies.getLength(); i++) {
            assertThat(((Element) bodies.item(i)).getAttribute("use")).isEqualTo("literal");
        }
        NodeList parts = wsdl.getElementsByTagNameNS(WSDL, "part");
        for (int i = 0; i < parts.getLength(); i++) {
            assertThat(((Element) parts.item(i)).getAttribute("name")).isEqualTo("parameters");
        }
    }

    @Test
    void check_vat_elements_in_order() {
        assertThat(sequence("checkVat")).containsExactly("countryCode:xsd:string:1", "vatNumber:xsd:string:1");
        assertThat(sequence("checkVatResponse"))
                .containsExactly(
                        "countryCode:xsd:string:1",
                        "vatNumber:xsd:string:1",
                        "requestDate:xsd:date:1",
                        "valid:xsd:boolean:1",
                        "name:xsd:string:0",
                        "address:xsd:string:0");
    }

    @Test
    void check_vat_approx_elements_in_order() {
        assertThat(sequence("checkVatApprox"))
                .containsExactly(
                        "countryCode:xsd:string:1",
                        "vatNumber:xsd:string:1",
                        "traderName:xsd:string:0",
                        "traderCompanyType:tns1:companyTypeCode:0",
                        "traderStreet:xsd:string:0",
                        "traderPostcode:xsd:string:0",
                        "traderCity:xsd:string:0",
                        "requesterCountryCode:xsd:string:0",
                        "requesterVatNumber:xsd:string:0");
        assertThat(sequence("checkVatApproxResponse"))
                .containsExactly(
                        "countryCode:xsd:string:1",
                        "vatNumber:xsd:string:1",
                        "requestDate:xsd:date:1",
                        "valid:xsd:boolean:1",
                        "traderName:xsd:string:0",
                        "traderCompanyType:tns1:companyTypeCode:0",
                        "traderAddress:xsd:string:0",
                        "traderStreet:xsd:string:0",
                        "traderPostcode:xsd:string:0",
                        "traderCity:xsd:string:0",
                        "traderNameMatch:tns1:matchCode:0",
                        "traderCompanyTypeMatch:tns1:matchCode:0",
                        "traderStreetMatch:tns1:matchCode:0",
                        "traderPostcodeMatch:tns1:matchCode:0",
                        "traderCityMatch:tns1:matchCode:0",
                        "requestIdentifier:xsd:string:1");
    }

    @Test
    void simple_types() {
        List<String> simpleTypes = new ArrayList<>();
        NodeList list = wsdl.getElementsByTagNameNS(XSD, "simpleType");
        for (int i = 0; i < list.getLength(); i++) {
            simpleTypes.add(((Element) list.item(i)).getAttribute("name"));
        }
        assertThat(simpleTypes).containsExactly("companyTypeCode", "matchCode");
        Element pattern = (Element) wsdl.getElementsByTagNameNS(XSD, "pattern").item(0);
        assertThat(pattern.getAttribute("value")).isEqualTo("[A-Z]{2}\\-[1-9][0-9]?");
        List<String> enumeration = new ArrayList<>();
        NodeList values = wsdl.getElementsByTagNameNS(XSD, "enumeration");
        for (int i = 0; i < values.getLength(); i++) {
            enumeration.add(((Element) values.item(i)).getAttribute("value"));
        }
        assertThat(enumeration).containsExactly("1", "2", "3");
    }

    @Test
    void the_emulator_serves_the_same_contract() throws Exception {
        try (InputStream kyc = ViesWsdlTest.class.getResourceAsStream(ViesSoapClient.WSDL_RESOURCE);
                InputStream emulator =
                        io.freightgate.emulator.vies.ViesEmulator.class.getResourceAsStream("checkVatService.wsdl")) {
            assertThat(emulator).isNotNull();
            assertThat(new String(emulator.readAllBytes())).isEqualTo(new String(kyc.readAllBytes()));
        }
    }

    private static List<String> names(String ns, String localName) {
        List<String> out = new ArrayList<>();
        NodeList list = wsdl.getElementsByTagNameNS(ns, localName);
        for (int i = 0; i < list.getLength(); i++) {
            out.add(((Element) list.item(i)).getAttribute("name"));
        }
        return out;
    }

    /** name:type:minOccurs of the sequence inside the top-level schema element {@code name}. */
    private static List<String> sequence(String name) {
        NodeList elements = wsdl.getElementsByTagNameNS(XSD, "element");
        for (int i = 0; i < elements.getLength(); i++) {
            Element e = (Element) elements.item(i);
            if (name.equals(e.getAttribute("name"))
                    && "schema".equals(e.getParentNode().getLocalName())) {
                Element seq =
                        (Element) e.getElementsByTagNameNS(XSD, "sequence").item(0);
                List<String> out = new ArrayList<>();
                for (Node n = seq.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child) {
                        String min = child.getAttribute("minOccurs");
                        out.add(child.getAttribute("name") + ":" + child.getAttribute("type") + ":"
                                + (min.isEmpty() ? "1" : min));
                    }
                }
                return out;
            }
        }
        throw new AssertionError("no element " + name);
    }
}
