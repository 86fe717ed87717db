package io.freightgate.api;

import io.freightgate.fraud.ListEntryView;
import io.freightgate.fraud.RiskLists;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/fraud/list-entries}: the block, watch and trust lists fraud rules read (docs/fraud.md). Risk analysts
 * add and remove entries; platform admins read them.
 */
@RestController
@RequestMapping("/api/v1/fraud/list-entries")
@Tag(name = "Fraud lists", description = "Cards, IPs, devices and pay links blocked or watched; shippers trusted")
@SecurityRequirement(name = "bearer")
class FraudListsController {

    private static final String READERS = "hasAnyRole('RISK_ANALYST', 'PLATFORM_ADMIN')";
    private static final String ANALYSTS = "hasRole('RISK_ANALYST')";

    private final RiskLists lists;

    FraudListsController(RiskLists lists) {
        this.lists = lists;
    }

    record EntryRequest(
            @NotBlank String list,
            @NotBlank String kind,
            @NotBlank @Size(max = 200) String value,
            @NotBlank @Size(max = 500) String reason,
            @Nullable Instant expiresAt) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The newest 1,000 entries of every list")
    List<ListEntryView> list(Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return lists.entries();
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Put a value on a list",
            description = "list BLOCK, WATCH or TRUST; kind CARD (Stripe's card fingerprint), IP (an address), DEVICE,"
                    + " PAY_LINK or SHIPPER (the organization's id; only shippers are trusted, and only trusted);"
                    + " expires_at optional. 409 state-conflict when the value is on that list already; 422"
                    + " unprocessable for a list, kind or value that cannot be listed.")
    ResponseEntity<ListEntryView> add(@Valid @RequestBody EntryRequest request, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return switch (lists.add(new RiskLists.AddEntry(
                request.list(),
                request.kind(),
                request.value(),
                request.reason(),
                Optional.ofNullable(request.expiresAt()),
                caller.getName()))) {
            case RiskLists.Added.Done done ->
                ResponseEntity.created(URI.create(
                                "/api/v1/fraud/list-entries/" + done.entry().id()))
                        .body(done.entry());
            case RiskLists.Added.AlreadyListed already ->
                throw new ProblemException(ProblemType.STATE_CONFLICT, already.detail());
            case RiskLists.Added.Invalid invalid ->
                throw new ProblemException(ProblemType.UNPROCESSABLE, invalid.detail());
        };
    }

    @DeleteMapping("/{id}")
    @ApiResponse(responseCode = "204", description = "Removed")
    @PreAuthorize(ANALYSTS)
    @Operation(summary = "Take an entry off its list", description = "404 for an unknown entry.")
    ResponseEntity<Void> remove(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        lists.remove(id, caller.getName()).orElseThrow(() -> new NotFound("List entry " + id));
        return ResponseEntity.noContent().build();
    }

    private static void requireStaff(Authentication caller, Role... roles) {
        if (!Caller.of(caller).isPlatformStaff(roles)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform risk staff work with fraud lists.");
        }
    }
}
