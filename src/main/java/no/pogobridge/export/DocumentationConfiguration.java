package no.pogobridge.export;

import java.nio.file.Path;
import no.pogobridge.documentation.DayReportPdf;
import no.pogobridge.documentation.DayReportTexts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The day's report's renderer, with the texts and layout an integration engineer keeps beside the routes
 * (ROUTES_DIR/documentation/day-report.properties), read once at start: a broken file stops start-up, naming it.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentationConfiguration {

    @Bean
    DayReportPdf dayReportPdf(@Value("${ROUTES_DIR:./routes}") String routesDir) {
        return new DayReportPdf(DayReportTexts.load(Path.of(routesDir, "documentation", "day-report.properties")));
    }
}
