package org.casedesk.intake;

import org.springframework.http.HttpStatus;

/** A refusal of the Open311 adapter, answered in Open311's error format by {@link Open311Errors}. */
class Open311Exception extends RuntimeException {

    final HttpStatus status;

    Open311Exception(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }
}
