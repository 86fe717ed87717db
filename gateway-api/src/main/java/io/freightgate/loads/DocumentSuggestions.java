package io.freightgate.loads;

import io.freightgate.kernel.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What was recognized in a document's text: suggestions to show for confirmation, never applied by themselves.
 * {@code amounts} and {@code dates} list everything found, in document order.
 */
public record DocumentSuggestions(
        Optional<String> loadNumber,
        Optional<String> bolNumber,
        Optional<String> cmrNumber,
        List<Money> amounts,
        List<LocalDate> dates,
        Optional<LocalDate> pickupDate,
        Optional<LocalDate> deliveryDate,
        Optional<String> pickupAddress,
        Optional<String> deliveryAddress) {}
