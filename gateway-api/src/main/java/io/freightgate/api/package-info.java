/**
 * The REST edge: controllers and JSON records for every module under {@code /api/v1}, one advice that turns every
 * error into an RFC 9457 problem from the catalogue, and the served OpenAPI document. Controllers check roles; object
 * ownership is enforced by the facades they call and by row-level security underneath.
 */
@NullMarked
package io.freightgate.api;

import org.jspecify.annotations.NullMarked;
