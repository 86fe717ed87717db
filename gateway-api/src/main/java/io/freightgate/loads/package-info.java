/**
 * Loads: shipments with their pickup and delivery stops, proof of delivery from drivers' phones (photo metadata
 * compared with the consignee's coordinates), telematics pings and the arrival and departure they give through
 * geofences, the hash-chained communication log and documents read for suggestions. The evidence that wins disputes is
 * born here.
 *
 * <p>Its facades, one per concern: {@link io.freightgate.loads.LoadPlanning} (plan, read, assign a driver),
 * {@link io.freightgate.loads.LoadEvidence} (proofs of delivery, telematics, the shipper's confirmation),
 * {@link io.freightgate.loads.CommunicationLog} (messages, e-mails, verification, transcript),
 * {@link io.freightgate.loads.LoadDocuments} (documents and suggestions) and {@link io.freightgate.loads.DriverLinks}
 * (the driver's upload page). Who may see and act on a load is decided in one place, {@code internal.LoadAccess}.
 * Publishes {@link io.freightgate.loads.LoadCreated}, {@link io.freightgate.loads.PodUploaded},
 * {@link io.freightgate.loads.DeliveryConfirmed} and {@link io.freightgate.loads.TelematicsRecorded}. Payments and the
 * dispute engine read it through ports implemented in {@code io.freightgate.flows}; it never names their types, never
 * applies recognized document data without a person confirming it, and never changes or deletes an entry of the
 * communication log.
 */
@NullMarked
package io.freightgate.loads;

import org.jspecify.annotations.NullMarked;
