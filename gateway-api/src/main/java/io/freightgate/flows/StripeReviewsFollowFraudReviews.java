package io.freightgate.flows;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import io.freightgate.fraud.FraudReviews;
import io.freightgate.platform.stripe.events.InboxEvent;
import io.freightgate.platform.stripe.events.StripeEventHandler;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's own reviews ({@code review.opened}, {@code review.closed}, platform events) follow ours. An opened review
 * needs nothing: the screening after the authorization already read it from the charge and opened ours. A review closed
 * at Stripe closes ours ({@link FraudReviews#closedAtStripe}): {@code approved} approves it (the kept authorization is
 * captured), {@code refunded}, {@code refunded_as_fraud}, {@code disputed} or {@code canceled} rejects it without
 * moving money again. Applied once: only an open review of ours changes. An event rendered for another API version than
 * the SDK's is not read: the review is fetched from Stripe instead.
 */
@Component
class StripeReviewsFollowFraudReviews implements StripeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(StripeReviewsFollowFraudReviews.class);

    private final FraudReviews reviews;
    private final StripeClient stripe;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeReviewsFollowFraudReviews(FraudReviews reviews, StripeClient stripe) {
        this.reviews = reviews;
        this.stripe = stripe;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("review.opened", "review.closed");
    }

    @Override
    public void handle(InboxEvent event) {
        if (event.account().isPresent() || !event.type().equals("review.closed")) {
            return;
        }
        JsonNode review = json.readTree(event.payload()).path("data").path("object");
        if (event.apiVersion().filter(Stripe.API_VERSION::equals).isEmpty()) {
            review = fetch(review.path("id").asString(""));
        }
        String id = review.path("id").asString("");
        if (!id.startsWith("prv_") || review.path("open").asBoolean(false)) {
            return;
        }
        String reason = Optional.ofNullable(review.path("closed_reason").asString(null))
                .filter(r -> !r.isBlank())
                .orElse(review.path("reason").asString("closed"));
        log.info("Stripe closed its review {} ({})", id, reason);
        reviews.closedAtStripe(id, reason);
    }

    /** The review as Stripe has it now; throws (the inbox retries) when Stripe cannot be read. */
    private JsonNode fetch(String reviewId) {
        if (!reviewId.matches("prv_[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("Not a review id: " + reviewId);
        }
        try {
            return json.readTree(stripe.rawRequest(ApiResource.RequestMethod.GET, "/v1/reviews/" + reviewId, null)
                    .body());
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe's review " + reviewId + " could not be read: " + e.getMessage(), e);
        }
    }
}
