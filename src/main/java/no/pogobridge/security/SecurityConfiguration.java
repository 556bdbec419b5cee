package no.pogobridge.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one gate in front of every path (docs/operations.md, "Security"). Deny by default: public on purpose are only
 * the console's static files (they hold no data; the token is typed in there), the health and Prometheus endpoints,
 * the OpenAPI document and the sandbox's PowerOffice API (it has its own OAuth, as PowerOffice does). Everything else
 * needs a bearer token: a viewer's may only read (GET), the operator's may do everything. Stateless: no session, no
 * cookie, hence no CSRF token. Spring Security's StrictHttpFirewall stays on, with one rule more
 * ({@link CanonicalPathFirewall}); every refusal is problem JSON ({@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorSecuritySettings.class)
public class SecurityConfiguration {

    /** The operator console's files: public, they hold no data. */
    static final String[] CONSOLE = {"/", "/index.html", "/console.css", "/js/**", "/favicon.ico"};

    /** The console may run only its own scripts and may not be framed by another site (the token is typed there). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The built-in PowerOffice sandbox's API (when the sandbox runs): it has its own OAuth, as PowerOffice does. */
    static final String SANDBOX_API = "/sandbox/poweroffice/";

    /**
     * The sandbox's voucher PDF upload (PUT /VoucherDocumentation, PDFs up to 30 MB as multipart/form-data): bounded
     * by spring.servlet.multipart, so that the sandbox itself answers a file over 30 MB with PowerOffice's 400.
     */
    static final String SANDBOX_UPLOAD = SANDBOX_API + "v2/VoucherDocumentation";

    /** Tells the console which role its token has, so a viewer is not shown buttons that would be refused. */
    public static final String ROLE_HEADER = "X-Operator-Role";

    @Bean
    SecurityFilterChain edge(HttpSecurity http, OperatorTokens tokens, OperatorSecuritySettings settings)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        AuthenticationManager bearer = new BearerAuthentication(tokens, jwtAuthentication(settings.jwt()));
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(paths -> paths
                        // an error page for a request that was let through, or refused, already
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, CONSOLE).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/openapi.json", "/actuator/health",
                                "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers(SANDBOX_API + "**").permitAll()
                        // the sandbox's controls show every client key in full and can reset it: operators only
                        .requestMatchers("/sandbox/admin/**").hasRole(OperatorRole.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/**")
                        .hasAnyRole(OperatorRole.OPERATOR.name(), OperatorRole.VIEWER.name())
                        .anyRequest().hasRole(OperatorRole.OPERATOR.name()))
                .oauth2ResourceServer(bearerTokens -> bearerTokens
                        .bearerTokenResolver(new OperatorBearerTokens())
                        .authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .headers(headers -> headers
                        .cacheControl(c -> c.disable())
                        .addHeaderWriter(new CacheControl())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterAfter(new RoleHeader(), AuthorizationFilter.class);
        return http.build();
    }

    /** Picked up by Spring Security's WebSecurity for every request. */
    @Bean
    HttpFirewall canonicalPathFirewall() {
        return new CanonicalPathFirewall();
    }

    /** Picked up by Spring Security: a URL the firewall rejects is answered 400 problem JSON. */
    @Bean
    ProblemResponses requestRejectedHandler() {
        return new ProblemResponses();
    }

    /** Before everything else, Spring Security included: nothing reads a body that is too large. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(OperatorSecuritySettings settings) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(settings.maxBodySize().toBytes(), SecurityConfiguration::isSandboxUpload));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Tomcat's own refusals as problem JSON, and an encoded slash handed on to the firewall (which refuses it with
     * problem JSON) instead of being refused by Tomcat with its HTML page.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonFromTomcat() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(
                    EncodedSolidusHandling.PASS_THROUGH.getValue()));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        };
    }

    /** The raw URI, exactly: any other spelling of the path stays under the operator body limit. */
    static boolean isSandboxUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return "PUT".equals(request.getMethod()) && SANDBOX_UPLOAD.equals(request.getRequestURI())
                && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /** JWTs of the site's identity provider, when one is configured; null otherwise. */
    static AuthenticationManager jwtAuthentication(OperatorSecuritySettings.Jwt jwt) {
        if (!jwt.enabled()) {
            return null;
        }
        // found lazily: the server starts (and the static tokens work) while the identity provider is down
        SupplierJwtDecoder decoder = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder nimbus = OperatorSecuritySettings.isSet(jwt.jwkSetUri())
                    ? NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build()
                    : NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
            nimbus.setJwtValidator(validator(jwt));
            return nimbus;
        });
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new JwtRoles(jwt));
        return new ProviderManager(provider);
    }

    private static OAuth2TokenValidator<Jwt> validator(OperatorSecuritySettings.Jwt jwt) {
        OAuth2TokenValidator<Jwt> base = OperatorSecuritySettings.isSet(jwt.issuerUri())
                ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri()) : JwtValidators.createDefault();
        if (!OperatorSecuritySettings.isSet(jwt.audience())) {
            return base;
        }
        return new DelegatingOAuth2TokenValidator<>(base, new JwtClaimValidator<java.util.List<String>>("aud",
                aud -> aud != null && aud.contains(jwt.audience())));
    }

    /**
     * The bearer token of an operator call. The sandbox's PowerOffice API carries PowerOffice's own access tokens,
     * which the sandbox checks itself: they are not ours to judge (nor to refuse with 401).
     */
    private static final class OperatorBearerTokens implements BearerTokenResolver {

        private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

        @Override
        public String resolve(HttpServletRequest request) {
            return request.getServletPath().startsWith(SANDBOX_API) ? null : header.resolve(request);
        }
    }

    /** API answers hold data and are never stored by a browser or proxy; the console's files are re-checked. */
    private static final class CacheControl implements org.springframework.security.web.header.HeaderWriter {
        @Override
        public void writeHeaders(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
            if (response.containsHeader("Cache-Control")) {
                return;
            }
            String path = request.getServletPath();
            boolean console = !(path.startsWith("/api") || path.startsWith("/sandbox") || path.startsWith("/actuator")
                    || path.startsWith("/error"));
            response.setHeader("Cache-Control", console ? "no-cache" : "no-store");
        }
    }

    /** The caller's role on every authenticated answer (informative only: the gate above decides). */
    private static final class RoleHeader extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, java.io.IOException {
            Authentication caller = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            if (caller != null && caller.isAuthenticated()) {
                for (OperatorRole role : OperatorRole.values()) {
                    if (caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()))) {
                        response.setHeader(ROLE_HEADER, role.name());
                        break;
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }

}
