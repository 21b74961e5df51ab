package com.renar.mes.platform.security;

import com.renar.mes.platform.web.Problems;
import com.renar.mes.platform.web.RequestUser;
import com.renar.mes.shared.ProblemType;
import jakarta.servlet.Filter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Stateless JWT resource server. Every {@code /api/v1/**} endpoint needs a valid token except login; role rules
 * sit on the endpoints ({@code @PreAuthorize}). Paths outside the API (health, OpenAPI) are public; unknown ones
 * answer 404. Cross-origin access follows the {@link CorsConfigurationSource} bean ({@code
 * MES_CORS_ALLOWED_ORIGINS}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No per-filter observations: wrapping every security filter of every request in an observation cost more than
     * the rest of the request's metrics (measured, docs/benchmarks.md); the request is still timed as a whole
     * ({@code http_request_duration_seconds}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring's strict firewall, with its "assigned and not a control character" check on header and parameter
     * names and values done by a plain loop instead of a Unicode-class regular expression: the same rule, and the
     * regular expression over every bearer token was a visible share of a scan's CPU (docs/benchmarks.md).
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedHeaderValues(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedParameterNames(SecurityConfiguration::assignedAndNotControl);
        firewall.setAllowedParameterValues(value -> true);
        return firewall;
    }

    static boolean assignedAndNotControl(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            AuthenticationEntryPoint problemEntryPoint,
            AccessDeniedHandler problemAccessDenied,
            JwtAuthenticationConverter jwtAuthenticationConverter,
            CorsConfigurationSource corsConfigurationSource,
            Problems problems)
            throws Exception {
        // The CorsFilter that .cors() would add, in the same place, but refusing as a problem (.cors() cannot)
        CorsFilter cors = new CorsFilter(corsConfigurationSource);
        cors.setCorsProcessor(new ProblemCorsProcessor(problems));
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .addFilterAfter(cors, HeaderWriterFilter.class)
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)))
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/login")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(
                        oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter))
                                .authenticationEntryPoint(problemEntryPoint)
                                .accessDeniedHandler(problemAccessDenied))
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(problemEntryPoint).accessDeniedHandler(problemAccessDenied))
                .addFilterAfter(rememberUser(), BearerTokenAuthenticationFilter.class)
                .build();
    }

    /** Leaves the token's subject on the request for the request log, which writes after this chain cleared it. */
    private static Filter rememberUser() {
        return (request, response, chain) -> {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
                RequestUser.remember(request, token.getName());
            }
            chain.doFilter(request, response);
        };
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(JwtAccessTokens.ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    @Bean
    AuthenticationEntryPoint problemEntryPoint(Problems problems) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(
                    request,
                    response,
                    ProblemType.UNAUTHORIZED,
                    "A valid access token is required (missing, expired or invalid)");
        };
    }

    @Bean
    AccessDeniedHandler problemAccessDenied(Problems problems) {
        return (request, response, e) ->
                problems.write(request, response, ProblemType.FORBIDDEN, "Your role may not perform this action");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
