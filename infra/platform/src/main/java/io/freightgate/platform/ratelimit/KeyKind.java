package io.freightgate.platform.ratelimit;

/** What a limit counts by: an API client, a signed-in user, a client address, a hosted pay link or a card. */
public enum KeyKind {
    API_CLIENT,
    USER,
    IP,
    PAY_LINK,
    CARD
}
