/**
 * The fraud rule language: rules such as {@code block if :risk_level: = 'highest'} or
 * {@code review if :amount: > 3 * :shipper_avg_amount_90d:}, parsed to a tree, type-checked against a registry of
 * known attributes and evaluated over the facts of one payment with three-valued logic (an attribute that is not
 * known for this payment makes a comparison unknown, and a rule fires only when its condition is true). Decisions
 * follow Radar's precedence and carry the explanation of every rule that fired with the values it saw. No Spring, no
 * vendor types.
 */
@NullMarked
package io.freightgate.fraud.internal.domain.rules;

import org.jspecify.annotations.NullMarked;
