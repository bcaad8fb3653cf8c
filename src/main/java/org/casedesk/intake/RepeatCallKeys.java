package org.casedesk.intake;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The keys {@link RepeatCalls} compares to find a repeat caller (市民重复来电), stored in {@code case_file.phone_key}
 * and {@code case_file.parties_key}. Intake writes them for each new case; the migration
 * {@code db.migration.V9__repeat_call_keys} wrote them for the cases already open, which is why they are public.
 * <p>
 * The phone key is the phone's digits only, full-width ones included (so {@code 021-6234 5678} is
 * {@code 02162345678}); an 8-digit number is a Shanghai landline dialled without its area code and gets
 * {@code 021} in front, so {@code 62345678} and {@code 021-62345678} are one key; landlines elsewhere keep their
 * own area code. The parties key is complainant and respondent name, each NFKC-normalised (full-width letters,
 * digits and brackets become half-width), without any whitespace and in lower case, joined by {@code |}.
 */
public final class RepeatCallKeys {

    /** Dialled within Shanghai, a landline has 8 digits and no area code. */
    private static final int LOCAL_LANDLINE_DIGITS = 8;
    private static final String SHANGHAI_AREA_CODE = "021";

    private RepeatCallKeys() {
    }

    /** The phone's comparison key; null when it has no digits. */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
        if (digits.length() == LOCAL_LANDLINE_DIGITS) {
            digits = SHANGHAI_AREA_CODE + digits;
        }
        return digits.isEmpty() ? null : cut(digits, 30);
    }

    /** Complainant and respondent as one key; null unless both are named. */
    public static String partiesKey(String complainantName, String respondentName) {
        String complainant = nameKey(complainantName);
        String respondent = nameKey(respondentName);
        return complainant == null || respondent == null ? null : cut(complainant + "|" + respondent, 310);
    }

    private static String nameKey(String name) {
        if (name == null) {
            return null;
        }
        String key = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]", "")
                .toLowerCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    /** Keeps a key within its column; NFKC can lengthen text (㍿ becomes 株式会社). */
    private static String cut(String key, int columnLength) {
        return key.length() <= columnLength ? key : key.substring(0, columnLength);
    }
}
