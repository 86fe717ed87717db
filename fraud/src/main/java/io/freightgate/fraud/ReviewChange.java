package io.freightgate.fraud;

/** What a claim, approval or rejection of a review came to. */
public sealed interface ReviewChange {

    record Done(ReviewView review) implements ReviewChange {}

    record NotFound() implements ReviewChange {}

    /** The review is closed, or claimed by someone else. */
    record Conflict(String detail) implements ReviewChange {}
}
