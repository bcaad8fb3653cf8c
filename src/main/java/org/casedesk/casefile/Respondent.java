package org.casedesk.casefile;

/**
 * The business complained about or reported, and where it operates: the facts routing decides by.
 *
 * @param district GB/T 2260 code of the Shanghai district of its actual place of business, e.g. {@code 310101}
 * @param platformName the e-commerce platform it sells on, when it is a platform merchant
 */
public record Respondent(String name, String address, String district, String street, String platformName) {
}
