package org.casedesk.reporting;

/**
 * A report request's parameter that is missing, malformed or out of range, with the reason in Chinese:
 * {@link BulletinController} answers it with 400, naming the parameter. It is an {@link IllegalArgumentException}
 * so that callers that treat those as bad input ({@link TrendsController}) keep doing so; any other
 * IllegalArgumentException is a fault of ours and stays a 500.
 */
class ReportParameterException extends IllegalArgumentException {

    private final String parameter;

    /** @param parameter {@code week}, {@code from、to}, …; @param reason what is wrong with it and what it should be */
    ReportParameterException(String parameter, String reason) {
        super(parameter + "：" + reason);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
