package org.casedesk.notification;

import java.util.Locale;

/** The centre's mails, each with its template {@code notification/<name>.txt}. */
enum Notification {
    /** 超期提示, to the group that must act before a deadline. */
    REMINDER,
    /** 超期通报, to that group and the supervisors once the deadline has passed. */
    OVERDUE,
    /** 受理回执, to the consumer after intake. */
    ACKNOWLEDGEMENT,
    /** 办结告知, to the consumer after closure. */
    OUTCOME,
    /** 每日超期通报, to the supervisors every working day: the overdue cases by unit. */
    BULLETIN,
    /** 每日超期通报 of a day without overdue cases: supervisors expect one every working day. */
    BULLETIN_NONE;

    /** {@code BULLETIN_NONE} → {@code notification/bulletin-none.txt}. */
    String template() {
        return "notification/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
    }
}
