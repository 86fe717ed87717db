package io.freightgate.billing;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The test classpath's screening: blocks exactly the amount {@link #BLOCKED_AMOUNT}, sends exactly
 * {@link #REVIEWED_AMOUNT} to review (a stand-in for the fraud module's rules, which come later) and allows everything
 * else, like the default.
 */
@Component
@Primary
public class BlockingScreening implements PaymentScreening {

    public static final long BLOCKED_AMOUNT = 66_666;

    public static final long REVIEWED_AMOUNT = 77_777;

    @Override
    public ScreeningVerdict screen(ScreeningRequest request) {
        if (request.amount().minor() == REVIEWED_AMOUNT) {
            return new ScreeningVerdict(Decision.REVIEW, java.util.List.of("test rule: reviewed amount"));
        }
        return request.amount().minor() == BLOCKED_AMOUNT
                ? new ScreeningVerdict(Decision.BLOCK, java.util.List.of("test rule: blocked amount"))
                : ScreeningVerdict.allow();
    }
}
