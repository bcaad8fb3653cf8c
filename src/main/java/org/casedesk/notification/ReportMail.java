package org.casedesk.notification;

import java.util.Map;

/**
 * A report mailed to staff as HTML, with a plain-text alternative for mail clients without HTML and its images as
 * inline parts, which the HTML shows as {@code <img src="cid:volume-trend">}.
 *
 * @param inlinePngs the PNG images by content id, in the order they are attached
 */
public record ReportMail(String subject, String html, String text, Map<String, byte[]> inlinePngs) {
}
