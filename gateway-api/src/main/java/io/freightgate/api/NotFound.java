package io.freightgate.api;

/** A resource the caller asked for does not exist for it (or belongs to another organization, which looks the same). */
class NotFound extends RuntimeException {

    NotFound(String what) {
        super(what + " not found", null, false, false);
    }
}
