/**
 * Local mode's demo, in one place: on the first start with a local data directory it creates the demo carrier and
 * shipper with a login for every role and an API client each ({@link io.freightgate.local.demo.DemoLogins}, written to
 * {@code demo-credentials.txt}), the delivered demo load ({@link io.freightgate.local.demo.DemoLoad}), verifies both
 * organizations through KYB ({@link io.freightgate.local.demo.DemoOrganizationsAreVerified}) and has the carrier bill
 * the shipper ({@link io.freightgate.local.demo.DemoShipperHasPaymentRequests}), in that order; later starts change
 * nothing. {@link io.freightgate.local.demo.LocalModeBanner} says where everything is.
 *
 * <p>Every bean here is {@link io.freightgate.local.demo.LocalDemo local-mode only}. The demo makes its data the way
 * people do, through the modules' facades (never their {@code internal} packages), and no other code depends on this
 * package ({@code ArchitectureRules}); it is not a Spring Modulith module ({@code ModularityTests} leaves
 * {@code io.freightgate.local..} out).
 */
@NullMarked
package io.freightgate.local.demo;

import org.jspecify.annotations.NullMarked;
