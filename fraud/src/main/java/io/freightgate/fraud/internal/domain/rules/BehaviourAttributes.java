package io.freightgate.fraud.internal.domain.rules;

import static io.freightgate.fraud.internal.domain.rules.Attribute.Known.BEFORE_CONFIRMATION;
import static io.freightgate.fraud.internal.domain.rules.AttributeType.BOOLEAN;
import static io.freightgate.fraud.internal.domain.rules.AttributeType.MONEY;
import static io.freightgate.fraud.internal.domain.rules.AttributeType.NUMBER;

import java.util.List;
import java.util.Set;

/**
 * The payment against the shipper's own behaviour (issue 21): its amount against the spread of the shipper's history in
 * the same currency, its time of day, where it was made, and how soon after signing up. The 90-day history attributes
 * of {@link StandardAttributes} are the same history's count, mean and largest.
 */
public final class BehaviourAttributes {

    private BehaviourAttributes() {}

    /** Fewer collected payments than this make no spread (and no z-score) worth comparing with. */
    public static final int MIN_PAYMENTS_FOR_SPREAD = 5;

    /** Fewer collected payments than this make no usual hours. */
    public static final int MIN_PAYMENTS_FOR_HOURS = 10;

    public static final List<Attribute> ALL = List.of(
            Attribute.of(
                    "shipper_amount_stddev_90d",
                    MONEY,
                    BEFORE_CONFIRMATION,
                    "The spread (standard deviation) of the shipper's successful payments in this currency over the last"
                            + " 90 days; unknown with fewer than " + MIN_PAYMENTS_FOR_SPREAD + " of them."),
            Attribute.of(
                    "shipper_amount_zscore",
                    NUMBER,
                    BEFORE_CONFIRMATION,
                    "How many standard deviations the amount lies above (negative: below) the shipper's mean in this"
                            + " currency over the last 90 days, to two decimals; unknown with fewer than "
                            + MIN_PAYMENTS_FOR_SPREAD + " payments or when they were all the same."),
            Attribute.of(
                    "is_unusual_hour_for_shipper",
                    BOOLEAN,
                    BEFORE_CONFIRMATION,
                    "None of the shipper's successful payments of the last 90 days was made within an hour of this time"
                            + " of day (UTC); unknown with fewer than " + MIN_PAYMENTS_FOR_HOURS + " of them."),
            Attribute.oneOf(
                    "channel",
                    Set.of("api", "page"),
                    BEFORE_CONFIRMATION,
                    "Where the payment was made: the hosted payment page (through a pay link) or the API."),
            Attribute.of(
                    "shipper_minutes_since_signup",
                    NUMBER,
                    BEFORE_CONFIRMATION,
                    "Whole minutes since the shipper's organization was created: a first payment minutes after"
                            + " signing up is a sign of a throw-away account."));
}
