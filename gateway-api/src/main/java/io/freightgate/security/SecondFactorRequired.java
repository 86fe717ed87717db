package io.freightgate.security;

/**
 * A person asked for an action that needs a recent second factor ({@link StepUp}) without one: the caller is sent to
 * {@link StepUp#STEP_UP_PATH} and repeats the request with the fresh tokens it gets there.
 */
public class SecondFactorRequired extends RuntimeException {

    public SecondFactorRequired() {
        super("This action needs a second factor from the last " + StepUp.RECENT.toMinutes()
                + " minutes: confirm it at " + StepUp.STEP_UP_PATH + ", then repeat the request with the new token.");
    }

    /** Where the person proves the second factor. */
    public String stepUpPath() {
        return StepUp.STEP_UP_PATH;
    }
}
