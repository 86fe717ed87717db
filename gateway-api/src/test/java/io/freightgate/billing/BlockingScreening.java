package io.freightgate.billing;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The test classpath's screening: blocks exactly the amount {@link #BLOCKED_AMOUNT} and sends exactly
 * {@link #REVIEWED_AMOUNT} to review (fixed amounts the older payment tests rely on), and hands every other payment to
 * the application's own screening (the fraud module's rules in force, through flows; billing's allow-all default in
 * slices without it), so tests run under the default rules.
 */
@Component
@Primary
public class BlockingScreening implements PaymentScreening {

    public static final long BLOCKED_AMOUNT = 66_666;

    public static final long REVIEWED_AMOUNT = 77_777;

    private final ObjectProvider<PaymentScreening> screenings;

    BlockingScreening(ObjectProvider<PaymentScreening> screenings) {
        this.screenings = screenings;
    }

    @Override
    public ScreeningVerdict screen(ScreeningRequest request) {
        if (request.amount().minor() == REVIEWED_AMOUNT) {
            return new ScreeningVerdict(Decision.REVIEW, List.of("test rule: reviewed amount"));
        }
        if (request.amount().minor() == BLOCKED_AMOUNT) {
            return new ScreeningVerdict(Decision.BLOCK, List.of("test rule: blocked amount"));
        }
        return screenings
                .orderedStream()
                .filter(screening -> screening != this)
                .findFirst()
                .map(screening -> screening.screen(request))
                .orElseGet(ScreeningVerdict::allow);
    }
}
