/**
 * The web app's pages (Thymeleaf and htmx under the strict Content-Security-Policy): {@code /} leads each person to a
 * first page of their own ({@link io.freightgate.backoffice.FirstPages}), platform staff work in the back office
 * ({@code /backoffice}), carriers and shippers have their pages under {@code /portal}, and Stripe's onboarding sends
 * carriers back to {@code /carriers/{id}/onboarding/...}. People log in as clients of the embedded authorization server
 * ({@link io.freightgate.security.WebUser}). Every page is a {@link io.freightgate.backoffice.Section}: the menu shows
 * only the sections a person's roles may open, and any other answers 403 by URL. The pages call module facades only,
 * never repositories; staff reads of another tenant's data go through the facades' audited cross-tenant path. Owns no
 * data and publishes no events.
 */
@NullMarked
package io.freightgate.backoffice;

import org.jspecify.annotations.NullMarked;
