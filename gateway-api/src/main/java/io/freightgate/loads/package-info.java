/**
 * Loads: shipments with their pickup and delivery stops, proof of delivery from drivers' phones (photo metadata
 * compared with the consignee's coordinates), telematics pings and the arrival and departure they give through
 * geofences, the hash-chained communication log and documents read for suggestions. The evidence that wins disputes is
 * born here.
 *
 * <p>Publishes {@link io.freightgate.loads.LoadCreated}, {@link io.freightgate.loads.PodUploaded},
 * {@link io.freightgate.loads.DeliveryConfirmed} and {@link io.freightgate.loads.TelematicsRecorded}; its facade is
 * {@link io.freightgate.loads.Loads}. Payments and the dispute engine read it through ports implemented in
 * {@code io.freightgate.flows}; it never names their types, never applies recognized document data without a person
 * confirming it, and never changes or deletes an entry of the communication log.
 */
package io.freightgate.loads;
