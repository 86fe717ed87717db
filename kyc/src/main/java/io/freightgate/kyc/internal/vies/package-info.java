/**
 * The VIES adapter: the JAX-WS client generated from the project's WSDL ({@link
 * io.freightgate.kyc.internal.vies.ViesSoapClient}), the guards around it per member state (concurrency limit and
 * circuit breaker, {@link io.freightgate.kyc.internal.vies.ViesGateway}) and the Redis cache of VALID answers.
 */
@NullMarked
package io.freightgate.kyc.internal.vies;

import org.jspecify.annotations.NullMarked;
