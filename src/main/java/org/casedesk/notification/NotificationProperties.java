package org.casedesk.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the centre's mails come from and where they send staff to work the case. The SMTP server itself is
 * Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every notification, e.g. {@code casedesk.notification.from=12315@centre.example}
 * @param tasklistUrl the Tasklist address staff mails link to
 */
@ConfigurationProperties(prefix = "casedesk.notification")
record NotificationProperties(
        @DefaultValue("12315@casedesk.example") String from,
        @DefaultValue("http://localhost:8080/camunda/app/tasklist/") String tasklistUrl) {
}
