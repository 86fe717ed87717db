/**
 * Loads (still to be built): shipments with their stops, proof of delivery from drivers' phones, telematics and
 * geofences, the hash-chained communication log and documents read automatically. The evidence that wins disputes is
 * born here; payments and the dispute engine read it through ports implemented in {@code io.freightgate.flows}.
 */
package io.freightgate.loads;
