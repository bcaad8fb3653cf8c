package org.casedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Case Desk 12315: the Camunda engine, its webapps and REST API, and the case features around them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaseDeskApplication.class, args);
    }
}
