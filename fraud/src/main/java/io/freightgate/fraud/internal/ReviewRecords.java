package io.freightgate.fraud.internal;

import io.freightgate.fraud.ReviewView;
import io.freightgate.fraud.internal.domain.rules.AttributeRegistry;
import io.freightgate.fraud.internal.domain.rules.Facts;
import io.freightgate.kernel.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue's rows and their log (plain JDBC). Every method expects the caller's transaction on the system path.
 */
@Component
public class ReviewRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AttributeRegistry registry;

    ReviewRecords(JdbcClient jdbc, AttributeRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /** A review to open. */
    public record NewReview(
            UUID id,
            Instant at,
            String stage,
            UUID decisionId,
            UUID paymentRequestId,
            UUID attemptId,
            UUID carrier,
            UUID shipper,
            Money amount,
            String method,
            Optional<String> paymentIntentId,
            Optional<String> chargeId,
            Optional<String> stripeReviewId,
            Optional<Instant> decideBy) {}

    /** The parts of a review its decision needs. */
    public record Row(
            UUID id,
            String status,
            UUID paymentRequestId,
            UUID carrier,
            Optional<String> claimedBy,
            Optional<String> stripeReviewId,
            Optional<Instant> decidingSince) {}

    /** Opens the review unless the attempt has one; returns the attempt's review. */
    public UUID open(NewReview r) {
        int inserted = jdbc.sql("""
                INSERT INTO fraud_reviews (id, opened_at, stage, decision_id, payment_request_id, attempt_id, carrier_id,
                    shipper_id, amount_minor, currency, method, payment_intent_id, charge_id, stripe_review_id,
                    decide_by, status)
                VALUES (:id, :at, :stage, :decision, :request, :attempt, :carrier, :shipper, :amount, :currency,
                    :method, :intent, :charge, :stripeReview, :decideBy, 'OPEN')
                ON CONFLICT (attempt_id) DO NOTHING
                """)
                .param("id", r.id())
                .param("at", Timestamp.from(r.at()))
                .param("stage", r.stage())
                .param("decision", r.decisionId())
                .param("request", r.paymentRequestId())
                .param("attempt", r.attemptId())
                .param("carrier", r.carrier())
                .param("shipper", r.shipper())
                .param("amount", r.amount().minor())
                .param("currency", r.amount().currency().getCurrencyCode())
                .param("method", r.method())
                .param("intent", r.paymentIntentId().orElse(null))
                .param("charge", r.chargeId().orElse(null))
                .param("stripeReview", r.stripeReviewId().orElse(null))
                .param("decideBy", r.decideBy().map(Timestamp::from).orElse(null))
                .update();
        if (inserted == 1) {
            log(r.id(), r.at(), "system:screening", "OPENED", Optional.empty());
            return r.id();
        }
        return jdbc.sql("SELECT id FROM fraud_reviews WHERE attempt_id = :attempt")
                .param("attempt", r.attemptId())
                .query(UUID.class)
                .single();
    }

    /** The review, locked for a decision. */
    public Optional<Row> lock(UUID id) {
        return jdbc.sql(
                        "SELECT id, status, payment_request_id, carrier_id, claimed_by, stripe_review_id, deciding_since"
                                + " FROM fraud_reviews WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("status"),
                        rs.getObject("payment_request_id", UUID.class),
                        rs.getObject("carrier_id", UUID.class),
                        Optional.ofNullable(rs.getString("claimed_by")),
                        Optional.ofNullable(rs.getString("stripe_review_id")),
                        instant(rs.getTimestamp("deciding_since"))))
                .optional();
    }

    /** Marks (or, with none, clears) our own decision moving the review's money. */
    public void deciding(UUID id, Optional<Instant> since) {
        jdbc.sql("UPDATE fraud_reviews SET deciding_since = :since WHERE id = :id")
                .param("id", id)
                .param("since", since.map(Timestamp::from).orElse(null))
                .update();
    }

    public void claim(UUID id, String actor, Instant at) {
        jdbc.sql("UPDATE fraud_reviews SET claimed_by = :actor, claimed_at = :at WHERE id = :id")
                .param("id", id)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update();
        log(id, at, actor, "CLAIMED", Optional.empty());
    }

    public void close(UUID id, String status, String actor, String action, Optional<String> note, Instant at) {
        jdbc.sql("UPDATE fraud_reviews SET status = :status, closed_by = :actor, closed_at = :at, note = :note,"
                        + " deciding_since = NULL WHERE id = :id AND status = 'OPEN'")
                .param("id", id)
                .param("status", status)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .param("note", note.orElse(null))
                .update();
        log(id, at, actor, action, note);
    }

    /** Open reviews whose policy moment passed, oldest first. */
    public List<UUID> dueBy(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM fraud_reviews WHERE status = 'OPEN' AND decide_by <= :now"
                        + " ORDER BY decide_by LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The open review of Stripe's review {@code prv_...}, if any. */
    public Optional<UUID> openByStripeReview(String stripeReviewId) {
        return jdbc.sql("SELECT id FROM fraud_reviews WHERE stripe_review_id = :prv AND status = 'OPEN'")
                .param("prv", stripeReviewId)
                .query(UUID.class)
                .optional();
    }

    /** Open reviews first (oldest first), then closed ones (newest first), at most {@code limit}. */
    public List<ReviewView> list(boolean openOnly, int limit, Instant now) {
        return jdbc.sql(SELECT + (openOnly ? " WHERE r.status = 'OPEN'" : "")
                        + " ORDER BY (r.status = 'OPEN') DESC,"
                        + " CASE WHEN r.status = 'OPEN' THEN r.opened_at END ASC, r.closed_at DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> view(rs, now, List.of()))
                .list();
    }

    public Optional<ReviewView> find(UUID id, Instant now) {
        List<ReviewView.Entry> log = jdbc.sql(
                        "SELECT at, actor, action, note FROM fraud_review_log WHERE review_id = :id ORDER BY at, action")
                .param("id", id)
                .query((rs, n) -> new ReviewView.Entry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        Optional.ofNullable(rs.getString("note"))))
                .list();
        return jdbc.sql(SELECT + " WHERE r.id = :id")
                .param("id", id)
                .query((rs, n) -> view(rs, now, log))
                .optional();
    }

    private static final String SELECT = """
            SELECT r.*, d.explanations::text AS explanations, d.facts::text AS facts
            FROM fraud_reviews r JOIN fraud_decisions d ON d.id = r.decision_id""";

    private ReviewView view(ResultSet rs, Instant now, List<ReviewView.Entry> log) throws SQLException {
        Instant opened = rs.getTimestamp("opened_at").toInstant();
        Optional<Instant> closed = instant(rs.getTimestamp("closed_at"));
        Facts facts = FactsCodec.read(rs.getString("facts"), registry);
        Map<String, String> summary = new TreeMap<>();
        for (String name : facts.known()) {
            Object value = facts.value(name);
            if (value != null) {
                summary.put(name, value instanceof Money m ? m.minor() + " " + m.currency() : value.toString());
            }
        }
        return new ReviewView(
                rs.getObject("id", UUID.class),
                rs.getString("status"),
                rs.getString("stage"),
                rs.getObject("payment_request_id", UUID.class),
                rs.getObject("carrier_id", UUID.class),
                rs.getObject("shipper_id", UUID.class),
                new Money(rs.getLong("amount_minor"), Currency.getInstance(rs.getString("currency"))),
                rs.getString("method"),
                opened,
                Duration.between(opened, closed.orElse(now)).toSeconds(),
                instant(rs.getTimestamp("decide_by")),
                Optional.ofNullable(rs.getString("claimed_by")),
                Optional.ofNullable(rs.getString("closed_by")),
                closed,
                Optional.ofNullable(rs.getString("note")),
                Optional.ofNullable(rs.getString("stripe_review_id")),
                JSON.readValue(rs.getString("explanations"), new TypeReference<List<String>>() {}),
                summary,
                log);
    }

    private void log(UUID review, Instant at, String actor, String action, Optional<String> note) {
        jdbc.sql("INSERT INTO fraud_review_log (id, review_id, at, actor, action, note)"
                        + " VALUES (:id, :review, :at, :actor, :action, :note)")
                .param("id", UUID.randomUUID())
                .param("review", review)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("action", action)
                .param("note", note.orElse(null))
                .update();
    }

    private static Optional<Instant> instant(@Nullable Timestamp at) {
        return at == null ? Optional.empty() : Optional.of(at.toInstant());
    }
}
