package io.freightgate.transfers.internal;

import io.freightgate.platform.stripe.ProviderOutcome;
import io.freightgate.platform.stripe.calls.StripeCall;
import io.freightgate.platform.stripe.calls.StripeCallLookup;
import io.freightgate.transfers.internal.stripe.StripeTransfers;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the Stripe-call janitor settles transfers' calls: a send (and a refund's restore) is looked up among the
 * transfers of the request's transfer group by its {@code freightgate_call} metadata, a full reversal (and a refund's
 * reversal) among the transfer's reversals the same way; the outcome is applied by {@link TransferSending} (or
 * {@link RefundReversalCalls}) exactly as the first answer would have been.
 */
@Configuration(proxyBeanMethods = false)
class TransferCallLookups {

    @Bean
    StripeCallLookup<StripeTransfers.Sent> transferCreateLookup(TransferSending sending) {
        return new StripeCallLookup<>() {
            @Override
            public String operation() {
                return TransferSending.CREATE;
            }

            @Override
            public ProviderOutcome<Optional<StripeTransfers.Sent>> lookUp(StripeCall call) {
                return sending.findSent(call);
            }

            @Override
            public ProviderOutcome<StripeTransfers.Sent> resend(StripeCall call) {
                return sending.resend(call);
            }

            @Override
            public void settle(StripeCall call, ProviderOutcome<StripeTransfers.Sent> outcome) {
                sending.settle(call, outcome);
            }

            @Override
            public String objectId(StripeTransfers.Sent result) {
                return result.id();
            }
        };
    }

    @Bean
    StripeCallLookup<StripeTransfers.Reversal> transferReversalLookup(TransferSending sending) {
        return new StripeCallLookup<>() {
            @Override
            public String operation() {
                return TransferSending.REVERSAL;
            }

            @Override
            public ProviderOutcome<Optional<StripeTransfers.Reversal>> lookUp(StripeCall call) {
                return sending.findReversal(call);
            }

            @Override
            public ProviderOutcome<StripeTransfers.Reversal> resend(StripeCall call) {
                return sending.resendReversal(call);
            }

            @Override
            public void settle(StripeCall call, ProviderOutcome<StripeTransfers.Reversal> outcome) {
                sending.settleReversal(call, outcome);
            }

            @Override
            public String objectId(StripeTransfers.Reversal result) {
                return result.id();
            }
        };
    }

    @Bean
    StripeCallLookup<StripeTransfers.Reversal> refundReversalLookup(RefundReversalCalls reversals) {
        return new StripeCallLookup<>() {
            @Override
            public String operation() {
                return RefundReversals.REVERSAL;
            }

            @Override
            public ProviderOutcome<Optional<StripeTransfers.Reversal>> lookUp(StripeCall call) {
                return reversals.findReversal(call);
            }

            @Override
            public ProviderOutcome<StripeTransfers.Reversal> resend(StripeCall call) {
                return reversals.resendReversal(call);
            }

            @Override
            public void settle(StripeCall call, ProviderOutcome<StripeTransfers.Reversal> outcome) {
                reversals.settleReversal(call, outcome);
            }

            @Override
            public String objectId(StripeTransfers.Reversal result) {
                return result.id();
            }
        };
    }

    @Bean
    StripeCallLookup<StripeTransfers.Sent> refundRestoreLookup(RefundReversalCalls reversals) {
        return new StripeCallLookup<>() {
            @Override
            public String operation() {
                return RefundReversals.RESTORE;
            }

            @Override
            public ProviderOutcome<Optional<StripeTransfers.Sent>> lookUp(StripeCall call) {
                return reversals.findRestore(call);
            }

            @Override
            public ProviderOutcome<StripeTransfers.Sent> resend(StripeCall call) {
                return reversals.resendRestore(call);
            }

            @Override
            public void settle(StripeCall call, ProviderOutcome<StripeTransfers.Sent> outcome) {
                reversals.settleRestore(call, outcome);
            }

            @Override
            public String objectId(StripeTransfers.Sent result) {
                return result.id();
            }
        };
    }
}
