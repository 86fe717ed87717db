package io.freightgate.kyc.internal.cases;

import io.freightgate.kernel.TenantId;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The VIES consultations kept as evidence (append-only, under row-level security): for each answer the member state
 * and number asked, the outcome or fault, VIES's request date, the registered name and address, the consultation
 * number, the raw SOAP response, the requester and when.
 */
public class VatConsultations {

    private final JdbcTemplate jdbc;

    public VatConsultations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One consultation to keep; {@code outcome} is VALID, INVALID, UNKNOWN or BAD_REQUEST. */
    public record Consultation(
            TenantId tenant,
            String countryCode,
            String vatNumber,
            String outcome,
            @Nullable String fault,
            @Nullable String detail,
            @Nullable LocalDate requestDate,
            @Nullable String traderName,
            @Nullable String traderAddress,
            @Nullable String consultationNumber,
            @Nullable String rawResponse,
            String requester,
            boolean fromCache,
            Instant checkedAt) {}

    public UUID store(Consultation c) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO vat_consultations (id, tenant_id, country_code, vat_number, outcome, fault, detail,"
                        + " request_date, trader_name, trader_address, consultation_number, raw_response, requester,"
                        + " from_cache, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                c.tenant().value(),
                c.countryCode(),
                c.vatNumber(),
                c.outcome(),
                c.fault(),
                c.detail(),
                c.requestDate() == null ? null : Date.valueOf(c.requestDate()),
                c.traderName(),
                c.traderAddress(),
                c.consultationNumber(),
                c.rawResponse(),
                c.requester(),
                c.fromCache(),
                Timestamp.from(c.checkedAt()));
        return id;
    }
}
