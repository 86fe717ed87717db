/** Content checks on uploaded KYB documents that go beyond the DocumentStore's: PDFs are parsed with PDFBox. */
package io.freightgate.kyc.internal.documents;
