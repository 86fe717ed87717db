package io.freightgate.billing;

/** An organization that has not completed verification tried to bill, be billed or pay. Nothing was changed. */
public class OrganizationNotVerified extends RuntimeException {

    public OrganizationNotVerified(String message) {
        super(message);
    }
}
