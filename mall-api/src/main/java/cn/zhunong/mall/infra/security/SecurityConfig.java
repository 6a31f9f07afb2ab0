package cn.zhunong.mall.infra.security;

import cn.zhunong.common.security.AccessTokens;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import tools.jackson.databind.ObjectMapper;

/**
 * Stateless bearer-token security; every route needs a token unless listed as public here. Role
 * checks on controllers are {@code @Secured} (a lookup in the granted authorities); a
 * {@code @PreAuthorize} expression would build a SpEL evaluation context on every call, which
 * was 3 % of the CPU of an order in a profile.
 */
@Configuration
@EnableMethodSecurity(securedEnabled = true)
public class SecurityConfig {

    /** distinct access tokens kept decoded: far more than the buyers active on one node at once */
    private static final int VERIFIED_TOKENS = 20_000;

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, ObjectMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login",
                                "/api/v1/auth/refresh").permitAll()
                        // Alipay's async notify carries no token; it is verified by its RSA2 signature
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/alipay/notify").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/live-sessions", "/api/v1/live-sessions/*",
                                "/api/v1/live-sessions/*/stream-urls").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // the storefront: product search and detail, categories, campaign tags and images
                        .requestMatchers(HttpMethod.GET, "/api/v1/products", "/api/v1/products/*", "/api/v1/categories",
                                "/api/v1/campaign-tags", "/api/v1/images/*").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/villages/*/impact").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/public/group-buy-activities/*", "/api/v1/public/campaigns/*",
                                "/api/v1/public/campaigns/*/village-live")
                                .permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new CurrentUserAuthentication.FromJwt()))
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint(json))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied(json)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurityHandlers.entryPoint(json))
                        .accessDeniedHandler(ProblemSecurityHandlers.accessDenied(json)));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, TokenRevocation revocation) {
        NimbusJwtDecoder decoder = AccessTokens.decoder(properties.jwtSecret());
        // our issuer is a name, not a URL: keep it a string (the default converter throws and catches per request)
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        decoder.setJwtValidator(JwtValidators.createDefault());
        return new VerifiedTokenCache(decoder,
                new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), revocation), VERIFIED_TOKENS);
    }

    /**
     * Spring Security's strict firewall with its default rules, the header checks done by loops
     * instead of regular expressions (see {@link HeaderCharacters}); WebSecurity picks this bean up.
     */
    @Bean
    HttpFirewall strictHttpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAMES);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUES);
        return firewall;
    }

    /**
     * No observation per security filter, authentication and authorization: on every request they
     * cost more CPU than the whole JWT check and say nothing the request metrics
     * (http.server.requests) and the 401/403 answers do not already say.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }
}
