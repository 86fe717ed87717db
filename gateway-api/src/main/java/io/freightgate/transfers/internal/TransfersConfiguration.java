package io.freightgate.transfers.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Transfers' settings ({@code freightgate.payments.*}: the fee, trusted carriers). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransferProperties.class)
class TransfersConfiguration {}
