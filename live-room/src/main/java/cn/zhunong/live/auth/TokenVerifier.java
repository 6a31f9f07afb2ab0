package cn.zhunong.live.auth;

import cn.zhunong.common.security.AccessTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Verifies mall-api's access tokens: signature and expiry with the shared secret
 * ({@link AccessTokens}), then the same Redis revocation entries mall-api checks (a logged-out
 * token's jti, a user's "revoked before" instant after a password change or a disabled account).
 */
@Component
public class TokenVerifier {

    private final NimbusJwtDecoder decoder;
    private final StringRedisTemplate redis;

    public TokenVerifier(@Value("${zhunong.security.jwt-secret}") String secret, StringRedisTemplate redis) {
        this.decoder = AccessTokens.decoder(secret);
        this.redis = redis;
    }

    /** @throws InvalidTokenException when the token is malformed, forged, expired or revoked */
    public Viewer verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            throw new InvalidTokenException();
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token.trim());
        } catch (JwtException e) {
            throw new InvalidTokenException();
        }
        if (isRevoked(jwt)) {
            throw new InvalidTokenException();
        }
        try {
            String role = jwt.getClaimAsString(AccessTokens.CLAIM_ROLE);
            if (role == null) {
                throw new InvalidTokenException();
            }
            String name = jwt.getClaimAsString(AccessTokens.CLAIM_NAME);
            return new Viewer(Long.parseLong(jwt.getSubject()), role, asLong(jwt.getClaim(AccessTokens.CLAIM_STREAMER)),
                    asLong(jwt.getClaim(AccessTokens.CLAIM_AGENCY)), name == null || name.isBlank() ? "用户" : name);
        } catch (NumberFormatException e) {
            throw new InvalidTokenException();
        }
    }

    /** "Bearer xxx" from an Authorization header; null or another scheme means no token. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private boolean isRevoked(Jwt jwt) {
        return AccessTokens.isRevoked(jwt, redis.opsForValue().multiGet(AccessTokens.revocationKeys(jwt)));
    }

    private static Long asLong(Object claim) {
        return claim instanceof Number n ? n.longValue() : null;
    }

    public static final class InvalidTokenException extends RuntimeException {
        public InvalidTokenException() {
            super("invalid access token", null, false, false);
        }
    }
}
