package io.freightgate.local.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * A bean of the demo: created only in local mode ({@code freightgate.local.active}, set by infra/local's launcher,
 * which production builds leave out) with a data directory, so never in production and never in the tests' throw-away
 * local mode unless a test names a data directory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("${freightgate.local.active:false} and '${freightgate.local.data-dir:}' != ''")
@interface LocalDemo {}
