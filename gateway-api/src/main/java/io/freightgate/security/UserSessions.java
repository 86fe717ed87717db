package io.freightgate.security;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends a user's web sessions (the login's, and with it the web app's, which live in the same session): when the user is
 * disabled or their roles change, so a signed-in page does not keep what the account no longer has until the session
 * times out. Sessions are found by the login's principal name (the user id), which Spring Session JDBC indexes.
 */
@Component
class UserSessions {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Deletes every web session of the user; answers how many. */
    int end(UUID userId) {
        var found = sessions.findByPrincipalName(userId.toString());
        found.keySet().forEach(sessions::deleteById);
        if (!found.isEmpty()) {
            log.info("Ended {} web session(s) of user {}", found.size(), userId);
        }
        return found.size();
    }
}
