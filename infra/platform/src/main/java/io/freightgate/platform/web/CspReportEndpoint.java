package io.freightgate.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where browsers report Content-Security-Policy violations ({@code report-uri} of {@link ContentSecurityPolicy}):
 * {@code application/csp-report} ({@code {"csp-report": {...}}}) and the Reporting API's
 * {@code application/reports+json} (an array of {@code {"type": "csp-violation", "body": {...}}}) alike. Always 204,
 * whatever arrives; at most {@value #MAX_BYTES} bytes are read.
 */
@RestController
class CspReportEndpoint {

    static final String PATH = "/csp-reports";
    static final int MAX_BYTES = 16 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CspViolations violations;

    CspReportEndpoint(CspViolations violations) {
        this.violations = violations;
    }

    @PostMapping(path = PATH, consumes = "*/*")
    ResponseEntity<Void> report(@RequestBody(required = false) byte[] body) {
        if (body != null && body.length > 0 && body.length <= MAX_BYTES) {
            for (JsonNode report : reports(body)) {
                violations.record(
                        text(report, "document-uri", "documentURL"),
                        text(report, "effective-directive", "effectiveDirective", "violated-directive"),
                        text(report, "blocked-uri", "blockedURL"),
                        text(report, "script-sample", "sample"));
            }
        }
        return ResponseEntity.noContent().build();
    }

    private static List<JsonNode> reports(byte[] body) {
        List<JsonNode> reports = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root.has("csp-report")) {
                reports.add(root.get("csp-report"));
            } else if (root.isArray()) {
                for (JsonNode entry : root) {
                    if (entry.has("body") && entry.get("body").isObject()) {
                        reports.add(entry.get("body"));
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // A browser never sends this; whoever did gets the same 204.
        }
        return reports;
    }

    private static String text(JsonNode report, String... names) {
        for (String name : names) {
            JsonNode value = report.get(name);
            if (value != null && value.isString()) {
                return value.asString();
            }
        }
        return "";
    }
}
