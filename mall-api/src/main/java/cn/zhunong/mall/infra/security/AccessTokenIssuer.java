package cn.zhunong.mall.infra.security;

import cn.zhunong.common.security.AccessTokens;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs short-lived access tokens. */
@Component
public class AccessTokenIssuer {

    private final NimbusJwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;
    private final TokenRevocation revocation;

    public AccessTokenIssuer(SecurityProperties properties, Clock clock, TokenRevocation revocation) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(AccessTokens.key(properties.jwtSecret())));
        this.properties = properties;
        this.clock = clock;
        this.revocation = revocation;
    }

    public IssuedToken issue(CurrentUser user, String displayName) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer("zhunong-mall-api")
                .subject(Long.toString(user.id()))
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                // iat has whole seconds only; revocation needs to tell apart tokens of the same second
                .claim(AccessTokens.CLAIM_GENERATION, revocation.currentGeneration(user.id()))
                .expiresAt(expiresAt)
                .claim(AccessTokens.CLAIM_ROLE, user.role().name())
                .claim(AccessTokens.CLAIM_NAME, displayName);
        if (user.agencyId() != null) {
            claims.claim(AccessTokens.CLAIM_AGENCY, user.agencyId());
        }
        if (user.streamerId() != null) {
            claims.claim(AccessTokens.CLAIM_STREAMER, user.streamerId());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    public record IssuedToken(String value, Instant expiresAt) {
    }
}
