package io.freightgate.backoffice;

/** A page's subject does not exist or is not the person's to see: 404, as a page. */
class PageNotFound extends RuntimeException {

    PageNotFound(String message) {
        super(message);
    }
}
