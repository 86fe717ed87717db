package io.freightgate.api;

import io.freightgate.kernel.Money;
import io.freightgate.kernel.PaymentRequestId;
import io.freightgate.kernel.TenantId;
import io.freightgate.ledger.JournalKind;
import io.freightgate.ledger.LedgerAccountKind;
import io.freightgate.ledger.LedgerBalanceView;
import io.freightgate.ledger.LedgerEntryView;
import io.freightgate.ledger.LedgerQuery;
import io.freightgate.ledger.LedgerReports;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/ledger}: the ledger's entries over a period (paged JSON, or the whole period as a streamed CSV for
 * finance's spreadsheets and accounting imports) and the balances of its accounts. For the platform's admins and
 * finance staff only; every read goes through the audited system path.
 */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger", description = "The double-entry ledger's entries and account balances, for platform finance")
@SecurityRequirement(name = "bearer")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'FINANCE_AGENT', 'FINANCE_SUPERVISOR')")
class LedgerController {

    static final String TEXT_CSV = "text/csv";

    static final List<String> CSV_HEADER = List.of(
            "entry_id",
            "occurred_at",
            "journal_reference",
            "journal_kind",
            "account_kind",
            "organization_id",
            "currency",
            "amount_minor",
            "amount",
            "stripe_account",
            "stripe_source",
            "payment_request_id");

    private final LedgerReports reports;
    private final Clock clock;

    LedgerController(LedgerReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    record EntryResponse(
            long id,
            String journalReference,
            JournalKind journalKind,
            Instant occurredAt,
            LedgerAccountKind accountKind,
            @Nullable UUID organizationId,
            String currency,
            Money amount,
            @Nullable String stripeAccount,
            @Nullable String stripeSource,
            @Nullable UUID paymentRequestId) {

        static EntryResponse of(LedgerEntryView entry) {
            return new EntryResponse(
                    entry.id(),
                    entry.journalReference(),
                    entry.journalKind(),
                    entry.occurredAt(),
                    entry.account(),
                    entry.organization().map(TenantId::value).orElse(null),
                    entry.amount().currency().getCurrencyCode(),
                    entry.amount(),
                    entry.stripeAccount().orElse(null),
                    entry.stripeSource().orElse(null),
                    entry.paymentRequestId().map(PaymentRequestId::value).orElse(null));
        }
    }

    record PageResponse(
            LocalDate from,
            LocalDate to,
            List<EntryResponse> entries,
            @Nullable String nextCursor) {}

    record BalanceResponse(
            LedgerAccountKind accountKind,
            @Nullable UUID organizationId,
            String currency,
            Money balance,
            long entries) {}

    @GetMapping("/entries")
    @Operation(
            summary = "Ledger entries of a period, a page at a time",
            description = "from (inclusive) and to (exclusive) are UTC dates, by default the current month; at most 366"
                    + " days. organization and account_kind narrow the entries. Ordered by occurred_at, then entry id;"
                    + " next_cursor (null on the last page) is passed as cursor for the next page. Accept: text/csv (or"
                    + " /api/v1/ledger/entries.csv) streams the whole period as CSV instead.")
    PageResponse entries(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable UUID organization,
            @RequestParam(name = "account_kind", required = false) @Nullable LedgerAccountKind accountKind,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "200") int limit,
            Authentication caller) {
        requireFinance(caller);
        if (limit < 1 || limit > LedgerReports.LARGEST_PAGE) {
            throw new ProblemException(
                    ProblemType.VALIDATION_FAILED, "limit must be 1 to " + LedgerReports.LARGEST_PAGE + ".");
        }
        LocalDate[] period = period(from, to);
        LedgerReports.Page page =
                reports.entries(query(period, organization, accountKind), Optional.ofNullable(cursor), limit);
        return new PageResponse(
                period[0],
                period[1],
                page.entries().stream().map(EntryResponse::of).toList(),
                page.next().orElse(null));
    }

    @GetMapping(
            value = {"/entries", "/entries.csv"},
            produces = TEXT_CSV)
    @Operation(
            summary = "Ledger entries of a period as CSV (/entries.csv, or /entries with Accept: text/csv)",
            description = "RFC 4180, UTF-8, a header row; amount_minor in minor units, amount in the currency's"
                    + " decimals (debit positive, credit negative). Text cells that begin with = + - @ are prefixed"
                    + " with ' against spreadsheet formula injection. Streamed: the whole period in one download.")
    void entriesCsv(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable UUID organization,
            @RequestParam(name = "account_kind", required = false) @Nullable LedgerAccountKind accountKind,
            Authentication caller,
            HttpServletResponse response) {
        csv(from, to, organization, accountKind, caller, response);
    }

    @GetMapping("/balances")
    @Operation(
            summary = "The balance of every ledger account (of one organization)",
            description = "Debit positive, credit negative. before (a UTC date, exclusive) gives the balances at the"
                    + " start of that day.")
    List<BalanceResponse> balances(
            @RequestParam(required = false) @Nullable UUID organization,
            @RequestParam(required = false) @Nullable String before,
            Authentication caller) {
        requireFinance(caller);
        Optional<Instant> until =
                Optional.ofNullable(before).map(LedgerController::date).map(LedgerController::start);
        return reports.balances(Optional.ofNullable(organization).map(TenantId::new), until).stream()
                .map(LedgerController::balance)
                .toList();
    }

    private void csv(
            @Nullable String from,
            @Nullable String to,
            @Nullable UUID organization,
            @Nullable LedgerAccountKind accountKind,
            Authentication caller,
            HttpServletResponse response) {
        requireFinance(caller);
        LocalDate[] period = period(from, to);
        LedgerQuery query = query(period, organization, accountKind);
        response.setStatus(200);
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("ledger-entries-" + period[0] + "-" + period[1] + ".csv")
                        .build()
                        .toString());
        try {
            Writer writer = response.getWriter();
            writer.write(Csv.row(CSV_HEADER));
            reports.export(query, chunk -> {
                try {
                    for (LedgerEntryView entry : chunk) {
                        writer.write(Csv.row(csvRow(entry)));
                    }
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cells of an entry's row; an absent value is an empty cell. */
    static List<@Nullable String> csvRow(LedgerEntryView entry) {
        return java.util.Arrays.asList(
                Long.toString(entry.id()),
                entry.occurredAt().toString(),
                entry.journalReference(),
                entry.journalKind().name(),
                entry.account().name(),
                entry.organization().map(TenantId::toString).orElse(null),
                entry.amount().currency().getCurrencyCode(),
                Long.toString(entry.amount().minor()),
                decimal(entry.amount()),
                entry.stripeAccount().orElse(null),
                entry.stripeSource().orElse(null),
                entry.paymentRequestId().map(PaymentRequestId::toString).orElse(null));
    }

    /** The amount in the currency's decimals, without the currency ({@code -12.25}). */
    static String decimal(Money money) {
        return BigDecimal.valueOf(money.minor(), money.exponent()).toPlainString();
    }

    private LedgerQuery query(
            LocalDate[] period, @Nullable UUID organization, @Nullable LedgerAccountKind accountKind) {
        try {
            return new LedgerQuery(
                    start(period[0]),
                    start(period[1]),
                    Optional.ofNullable(organization).map(TenantId::new),
                    Optional.ofNullable(accountKind));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.PERIOD_INVALID, e.getMessage() + ".");
        }
    }

    /** {@code from} and {@code to}: given, or the current month (UTC); {@code to} defaults to a month after from. */
    private LocalDate[] period(@Nullable String from, @Nullable String to) {
        LocalDate start = from == null
                ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1)
                : date(from);
        LocalDate end = to == null ? start.plusMonths(1) : date(to);
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String text) {
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM-DD", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProblemException(
                    ProblemType.PERIOD_INVALID, "Dates must be written YYYY-MM-DD, e.g. 2026-11-01 (UTC).");
        }
    }

    private static Instant start(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static BalanceResponse balance(LedgerBalanceView view) {
        return new BalanceResponse(
                view.account(),
                view.organization().map(TenantId::value).orElse(null),
                view.balance().currency().getCurrencyCode(),
                view.balance(),
                view.entries());
    }

    /** The ledger is the platform's: staff of the platform organization with a finance role, nobody else. */
    private static void requireFinance(Authentication authentication) {
        if (!Caller.of(authentication)
                .isPlatformStaff(Role.PLATFORM_ADMIN, Role.FINANCE_AGENT, Role.FINANCE_SUPERVISOR)) {
            throw new AccessDeniedException("The ledger is for the platform's finance staff");
        }
    }
}
