package io.freightgate.emulator.stripe;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Exactly the evidence the emulator received for a dispute, returned by the control API so tests assert what the
 * gateway submitted (not only the outcome).
 *
 * @param disputeId the {@code dp_...}
 * @param status the dispute status after the call
 * @param submitted whether the evidence was submitted ({@code false}: only staged with {@code submit=false})
 * @param submissionCount {@code evidence_details.submission_count}
 * @param fields the non-empty text fields of the evidence hash, by field name
 * @param files the file fields, with the uploaded bytes
 */
public record DisputeEvidence(
        String disputeId,
        String status,
        boolean submitted,
        long submissionCount,
        Map<String, String> fields,
        List<EvidenceFile> files) {

    public DisputeEvidence {
        fields = Map.copyOf(fields);
        files = List.copyOf(files);
    }

    /**
     * One evidence file.
     *
     * @param field the evidence field ({@code shipping_documentation}, ...)
     * @param fileId the {@code file_...}
     * @param filename the uploaded file name
     * @param type {@code pdf}, {@code jpg} or {@code png}
     * @param size bytes
     * @param pages counted pages (1 for images; see {@code docs/stripe-emulator.md} for the PDF approximation)
     * @param contentBase64 the bytes, base64
     */
    public record EvidenceFile(
            String field,
            String fileId,
            @Nullable String filename,
            @Nullable String type,
            long size,
            long pages,
            String contentBase64) {

        /** The uploaded bytes. */
        public byte[] content() {
            return Base64.getDecoder().decode(contentBase64);
        }
    }
}
