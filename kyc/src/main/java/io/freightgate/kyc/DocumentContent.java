package io.freightgate.kyc;

/** A KYB document's file, decrypted, for an authorized download (never a public URL). */
public record DocumentContent(String fileName, String mediaType, byte[] content) {}
