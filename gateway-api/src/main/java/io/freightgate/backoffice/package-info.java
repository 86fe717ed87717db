/**
 * The back office (still to be built): server-rendered pages (Thymeleaf and htmx) where finance staff answer
 * disputes, risk analysts work the review queue and compliance officers review KYB cases.
 */
package io.freightgate.backoffice;
