/**
 * Local mode: real servers started from Maven artifacts so that the gateway runs on a fresh clone with nothing but a
 * JDK. An embedded PostgreSQL (zonky, PostgreSQL 17) and an embedded Redis (6.2), wired into the Spring environment
 * before the application context starts, stopped with the JVM. Tests use the same mechanism with one ephemeral
 * PostgreSQL and Redis per JVM and a fresh database per Spring context. Never on the production classpath: the build
 * leaves this module out with {@code -Dprod}, and the {@code prod} profile ignores it.
 */
@NullMarked
package io.freightgate.local;

import org.jspecify.annotations.NullMarked;
