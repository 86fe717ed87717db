/**
 * KYC/KYB: onboarding of carriers and shippers, EU VAT validation (offline check digits for every member state and
 * XI, live against VIES through a JAX-WS client generated from the project's own WSDL, keeping the consultation number
 * as proof), KYB cases with documents, commercial references and compliance decisions, sanctions screening and the
 * verification gate. Publishes {@code OrganizationVerified} and {@code VerificationRevoked}. Never calls another domain
 * module; reactions to its events live in {@code io.freightgate.flows}.
 */
@NullMarked
package io.freightgate.kyc;

import org.jspecify.annotations.NullMarked;
