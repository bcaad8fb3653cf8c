package org.casedesk.routing;

/**
 * What routing knows about a case: its channel and where its respondent operates. Values are trimmed;
 * a blank value counts as absent ({@code null}).
 *
 * @param channel the channel code, e.g. {@code TV_315}
 * @param respondentDistrict GB/T 2260 code of the district of the respondent's actual place of business
 *        or domicile, e.g. {@code 310101}
 * @param respondentStreet the 街道 or 镇, e.g. 南京东路街道
 * @param platformName the e-commerce platform the respondent sells on, or is, e.g. 拼多多
 */
record RoutingRequest(String channel, String respondentDistrict, String respondentStreet, String platformName) {

    RoutingRequest {
        channel = normalize(channel);
        respondentDistrict = normalize(respondentDistrict);
        respondentStreet = normalize(respondentStreet);
        platformName = normalize(platformName);
    }

    private static String normalize(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
