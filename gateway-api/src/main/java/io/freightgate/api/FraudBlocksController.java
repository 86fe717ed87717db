package io.freightgate.api;

import io.freightgate.fraud.BlockView;
import io.freightgate.fraud.RateLimitBlocks;
import io.freightgate.platform.problem.ProblemType;
import io.freightgate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/fraud/blocks}: the rate-limit block list (docs/fraud.md, "Block list"): keys blocked for an action
 * because they kept hitting a limit or kept failing (card testing on a pay link). Risk analysts lift them with a
 * reason; platform admins read them. Every read and lift is on the audited system path.
 */
@RestController
@RequestMapping("/api/v1/fraud/blocks")
@Tag(name = "Fraud blocks", description = "Keys blocked by the rate limits for repeated limit hits or failures")
@SecurityRequirement(name = "bearer")
class FraudBlocksController {

    private static final String READERS = "hasAnyRole('RISK_ANALYST', 'PLATFORM_ADMIN')";
    private static final String ANALYSTS = "hasRole('RISK_ANALYST')";

    private final RateLimitBlocks blocks;

    FraudBlocksController(RateLimitBlocks blocks) {
        this.blocks = blocks;
    }

    record LiftRequest(@NotBlank @Size(max = 500) String reason) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "The newest 1,000 blocks",
            description = "in_force=true (the default) lists only blocks that hold now; false lists lifted and ended"
                    + " ones too, with who lifted them and why.")
    List<BlockView> list(
            @Parameter(description = "only blocks in force") @RequestParam(name = "in_force", defaultValue = "true")
                    boolean inForce,
            Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return blocks.blocks(inForce);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One block", description = "404 for an unknown block.")
    BlockView one(@PathVariable UUID id, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST, Role.PLATFORM_ADMIN);
        return blocks.block(id).orElseThrow(() -> new NotFound("Block " + id));
    }

    @PostMapping("/{id}/lift")
    @PreAuthorize(ANALYSTS)
    @Operation(
            summary = "Lift a block before its end",
            description = "Records who lifted it and why, ends it at once on every instance, and gives the key fresh"
                    + " buckets for the action. 404 for an unknown block; 409 state-conflict when it was lifted"
                    + " already or has ended.")
    BlockView lift(@PathVariable UUID id, @Valid @RequestBody LiftRequest request, Authentication caller) {
        requireStaff(caller, Role.RISK_ANALYST);
        return switch (blocks.lift(id, request.reason().strip(), caller.getName())) {
            case RateLimitBlocks.Lifted.Done done -> done.block();
            case RateLimitBlocks.Lifted.NotInForce notInForce ->
                throw new ProblemException(ProblemType.STATE_CONFLICT, notInForce.detail());
            case RateLimitBlocks.Lifted.NotFound notFound -> throw new NotFound("Block " + id);
        };
    }

    private static void requireStaff(Authentication caller, Role... roles) {
        if (!Caller.of(caller).isPlatformStaff(roles)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only platform risk staff work with the block list.");
        }
    }
}
