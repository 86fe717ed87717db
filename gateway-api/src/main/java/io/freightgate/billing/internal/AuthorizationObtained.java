package io.freightgate.billing.internal;

import io.freightgate.billing.internal.domain.PaymentIntentSnapshot;
import io.freightgate.billing.internal.domain.PaymentRequest;
import io.freightgate.kernel.PaymentAttemptId;

/**
 * Published by the synchronizer after the commit that changed a request on Stripe's word: an authorization came
 * ({@code AUTHORIZED}), Radar blocked the payment ({@code FAILED}) or a debit was collected ({@code PAID}). The
 * screening after the authorization ({@link AfterAuthorization}) listens in the publishing thread, outside any
 * transaction.
 */
record AuthorizationObtained(PaymentAttemptId attemptId, PaymentIntentSnapshot intent, PaymentRequest.Change change) {}
