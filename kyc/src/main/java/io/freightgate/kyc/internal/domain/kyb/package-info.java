/**
 * The KYB case and its rules, as plain Java (JPA mapping and Envers annotations only): the {@link
 * io.freightgate.kyc.internal.domain.kyb.KybCase} aggregate with its documents, commercial references and history,
 * the documents each kind of organization must provide ({@link io.freightgate.kyc.internal.domain.kyb.RequiredDocuments}),
 * the approval policy and the VIES re-check policy. No Spring, no PDFBox, no JAX-WS.
 */
@NullMarked
package io.freightgate.kyc.internal.domain.kyb;

import org.jspecify.annotations.NullMarked;
