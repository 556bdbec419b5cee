package no.pogobridge.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused secrets key into Spring Boot's "APPLICATION FAILED TO START" block: what is wrong, what to do. */
public class SecretsKeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretsKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsKeyException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
