package io.freightgate.security;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** For API slices: what a mocked {@link ApiClients} tells the JWT decoder about a client (a package-private question). */
public final class ApiClientsSliceStubs {

    private ApiClientsSliceStubs() {}

    /** Whether the decoder finds {@code clientId} active; every other client is inactive. */
    public static void active(ApiClients mock, String clientId, boolean active) {
        when(mock.isActive(anyString())).thenReturn(false);
        when(mock.isActive(clientId)).thenReturn(active);
    }

    /** The decoder asked about {@code clientId}. */
    public static void asked(ApiClients mock, String clientId) {
        verify(mock, org.mockito.Mockito.atLeastOnce()).isActive(clientId);
    }
}
