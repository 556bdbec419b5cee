package no.pogobridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PogoBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(PogoBridgeApplication.class, args);
    }
}
