package org.casedesk.intake;

import java.util.regex.Pattern;

/**
 * A consumer's phone number as staff see it who do not call the consumer: the dispatcher, who only picks the unit
 * ({@code dispatch-case}), and the supervisor chasing an overdue step ({@code supervise-overdue}). The handler, who
 * must call, and the operator, who revisits, see the whole number; staff mails and Tasklist's lists show none.
 * A mobile keeps the first three digits (the carrier) and the last four, {@code 138****5678}; any other number the
 * last four, its separators kept: {@code ***-****5678}. Enough to tell two callers apart, not to call them.
 */
final class PhoneMask {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final int LAST_SHOWN = 4;

    private PhoneMask() {
    }

    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        int firstShown = MOBILE.matcher(phone).matches() ? 3 : 0;
        long digits = phone.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(phone.length());
        int digit = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                digit++;
                masked.append(digit <= firstShown || digit > digits - LAST_SHOWN ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
