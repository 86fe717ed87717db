package io.freightgate.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.freightgate.emulator.vies.FaultRule;
import io.freightgate.kernel.TenantId;
import io.freightgate.kyc.internal.cases.ViesRecheckJob;
import io.freightgate.kyc.support.KycIT;
import io.freightgate.kyc.support.TestVatNumbers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/** Live VAT checks through the VIES emulator: evidence, cache, faults, backoff and the re-check job. */
class VatChecksIT extends KycIT {

    @Autowired
    ViesRecheckJob recheckJob;

    @AfterEach
    void clearFaults() {
        VIES.clearFaults();
    }

    @Test
    void keepsEachConsultationAsEvidenceAndServesARepeatedValidCheckFromTheCache() {
        TenantId tenant = TenantId.random();
        String number = registeredGermanVatNumber("Beispiel Spedition GmbH");

        ViesCheck first = as(tenant, () -> kyc.checkVat("de " + number));
        long requests = VIES.requestCount();
        ViesCheck second = as(tenant, () -> kyc.checkVat("DE" + number));

        assertThat(first).isInstanceOfSatisfying(ViesCheck.Valid.class, valid -> {
            assertThat(valid.cached()).isFalse();
            assertThat(valid.name()).contains("Beispiel Spedition GmbH");
            assertThat(valid.consultationNumber())
                    .hasValueSatisfying(c -> assertThat(c).startsWith("WAPI"));
        });
        assertThat(second).isInstanceOfSatisfying(ViesCheck.Valid.class, valid -> {
            assertThat(valid.cached()).isTrue();
            assertThat(valid.consultationNumber()).isEqualTo(((ViesCheck.Valid) first).consultationNumber());
        });
        assertThat(VIES.requestCount()).isEqualTo(requests);
        List<Map<String, Object>> rows = as(
                tenant,
                () -> transactions.execute(
                        status -> jdbc.queryForList(
                                "SELECT outcome, from_cache, raw_response FROM vat_consultations ORDER BY checked_at, from_cache")));
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("from_cache")).containsExactly(false, true);
        assertThat((String) rows.getFirst().get("raw_response")).contains(number);
    }

    @Test
    void aRomanianIndividualsPersonalCodeAndANorthernIrishHealthAuthorityAreCheckedWithVies() {
        TenantId tenant = TenantId.random();
        VIES.registry().register("RO", "1800101221144", "Ion Popescu PFA", "Str. Lunga 1\nBrasov");
        VIES.registry().register("XI", "HA501", "Northern Health and Social Care Trust", "Antrim");

        ViesCheck personal = as(tenant, () -> kyc.checkVat("RO 1800101221144"));
        ViesCheck healthAuthority = as(tenant, () -> kyc.checkVat("XI HA501"));

        assertThat(personal).isInstanceOfSatisfying(ViesCheck.Valid.class, valid -> {
            assertThat(valid.vatNumber()).isEqualTo("1800101221144");
            assertThat(valid.consultationNumber()).isPresent();
        });
        assertThat(healthAuthority).isInstanceOfSatisfying(ViesCheck.Valid.class, valid -> assertThat(valid.name())
                .contains("Northern Health and Social Care Trust"));
    }

    @Test
    void anOfflineInvalidNumberIsNeverSentToVies() {
        long requests = VIES.requestCount();

        ViesCheck check = as(TenantId.random(), () -> kyc.checkVat("DE136695977"));

        assertThat(check).isInstanceOf(ViesCheck.NotChecked.class);
        assertThat(VIES.requestCount()).isEqualTo(requests);
    }

    @Test
    void anInvalidAnswerIsStoredAndNeverCached() {
        TenantId tenant = TenantId.random();
        String number = TestVatNumbers.nextGerman();

        assertThat(as(tenant, () -> kyc.checkVat("DE" + number))).isInstanceOf(ViesCheck.Invalid.class);
        long requests = VIES.requestCount();
        assertThat(as(tenant, () -> kyc.checkVat("DE" + number))).isInstanceOf(ViesCheck.Invalid.class);
        assertThat(VIES.requestCount()).isEqualTo(requests + 1);
    }

    @Test
    void vatBlockedAlertsAnOperatorAndIsNotRetried() {
        TenantId tenant = TenantId.random();
        String number = registeredGermanVatNumber("Gesperrt GmbH");
        VIES.injectFault(new FaultRule("VAT_BLOCKED", "DE", number, -1));

        ViesCheck check = as(tenant, () -> kyc.checkVat("DE" + number));

        assertThat(check).isEqualTo(new ViesCheck.Unknown("DE", number, "VAT_BLOCKED", false, true));
        assertThat(events.stream(ViesOperatorAlerted.class)).singleElement().satisfies(alert -> {
            assertThat(alert.organization()).isEqualTo(tenant);
            assertThat(alert.fault()).isEqualTo("VAT_BLOCKED");
        });
        String stored = as(
                tenant,
                () -> transactions.execute(status ->
                        jdbc.queryForObject("SELECT outcome || ' ' || fault FROM vat_consultations", String.class)));
        assertThat(stored).isEqualTo("UNKNOWN VAT_BLOCKED");
    }

    @Test
    void anUnknownResultIsRetriedByTheBatchJobWithBackoffUntilViesAnswers() {
        TenantId carrier = TenantId.random();
        String number = registeredGermanVatNumber("Wiederholung Transporte GmbH");
        VIES.injectFault(new FaultRule("MS_UNAVAILABLE", "DE", number, -1));
        openCarrier(carrier, "Wiederholung Transporte GmbH", "Max Muster", Optional.of("DE" + number));

        assertThat(as(carrier, () -> kyc.checkOrganizationVat(carrier))).hasValueSatisfying(check -> assertThat(check)
                .isEqualTo(new ViesCheck.Unknown("DE", number, "MS_UNAVAILABLE", true, false)));
        VatStatusView first = kyc.vatStatus(carrier).orElseThrow();
        assertThat(first.status()).isEqualTo(VatStatus.UNKNOWN);
        assertThat(first.nextCheckAt()).hasValueSatisfying(next -> assertThat(Duration.between(clock.instant(), next))
                .isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1)));

        assertThat(recheckJob.run().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(kyc.vatStatus(carrier).orElseThrow().checkedAt()).isEqualTo(first.checkedAt());

        clock.advance(Duration.ofMinutes(1));
        recheckJob.run();
        VatStatusView second = kyc.vatStatus(carrier).orElseThrow();
        assertThat(second.status()).isEqualTo(VatStatus.UNKNOWN);
        Instant secondCheck = second.checkedAt().orElseThrow();
        assertThat(Duration.between(secondCheck, second.nextCheckAt().orElseThrow()))
                .isEqualTo(Duration.ofMinutes(2));

        VIES.clearFaults();
        clock.advance(Duration.ofMinutes(2));
        var execution = recheckJob.run();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(kyc.vatStatus(carrier))
                .hasValueSatisfying(status -> assertThat(status.viesValid()).isTrue());
        assertThat(events.stream(VatStatusChanged.class))
                .anyMatch(e -> e.organization().equals(carrier) && e.current() == VatStatus.VALID);
        Integer accessLogged = jdbc.queryForObject(
                "SELECT count(*) FROM system_access_log WHERE actor = 'job:kyc-vies-recheck'", Integer.class);
        assertThat(accessLogged).isGreaterThanOrEqualTo(3);
    }

    @Test
    void reValidationFindsADeregisteredNumberAndRevokesTheVerification() {
        importTestSanctionsList();
        TenantId carrier = TenantId.random();
        String number = registeredGermanVatNumber("Abmeldung Logistik GmbH");
        openCarrier(carrier, "Abmeldung Logistik GmbH", "Max Muster", Optional.of("DE" + number));
        uploadCarrierDocuments(carrier, today().plusYears(1));
        UUID reference =
                addReference(carrier, "Hanse Retail AG").references().getFirst().id();
        done(as(carrier, () -> kyc.submitCase(carrier)));
        done(asComplianceOfficer(() -> kyc.recordReferenceCheck(
                new RecordReferenceCheck(carrier, reference, ReferenceStatus.CONFIRMED, null))));
        done(asComplianceOfficer(() -> kyc.approve(new ApproveCase(carrier, null))));
        assertThat(kyc.isVerified(carrier)).isTrue();

        VIES.registry().deregister("DE", number);
        clock.advance(Duration.ofDays(31));
        recheckJob.run();

        assertThat(kyc.isVerified(carrier)).isFalse();
        assertThat(kyc.vatStatus(carrier).orElseThrow().status()).isEqualTo(VatStatus.INVALID);
        assertThat(events.stream(VerificationRevoked.class))
                .anyMatch(
                        e -> e.organization().equals(carrier) && e.reason() == VerificationRevoked.Reason.VAT_INVALID);
    }
}
