package cn.zhunong.common.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The access-token format both servers share: HS256 JWTs signed with one secret from
 * configuration; claims {@code sub} (user id), {@code role}, optional {@code agencyId} and
 * {@code streamerId}, {@code jti}, {@code gen} (the user's token generation, see mall-api TokenRevocation). mall-api issues them; mall-api and live-room verify them.
 */
public final class AccessTokens {

    public static final String CLAIM_ROLE = "role";
    public static final String CLAIM_AGENCY = "agencyId";
    public static final String CLAIM_STREAMER = "streamerId";
    public static final String CLAIM_NAME = "name";
    public static final String DENYLIST_PREFIX = "auth:deny:";
    /** Per-user token generation; a token is valid only while its {@code gen} claim equals it. */
    public static final String GENERATION_PREFIX = "auth:token-gen:";
    public static final String CLAIM_GENERATION = "gen";
    private static final int MIN_SECRET_BYTES = 32;

    private AccessTokens() {
    }

    public static SecretKey key(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("The JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The Redis keys whose values {@link #isRevoked} needs, in order: fetch them with one MGET. */
    public static List<String> revocationKeys(Jwt jwt) {
        return List.of(DENYLIST_PREFIX + jwt.getId(), GENERATION_PREFIX + jwt.getSubject());
    }

    /**
     * The one revocation rule of both servers: a token is revoked when its jti is on the denylist
     * (logout) or its generation is no longer the user's current one (revoke-all). {@code values}
     * are the MGET results of {@link #revocationKeys}; null (no answer) counts as revoked.
     */
    public static boolean isRevoked(Jwt jwt, List<String> values) {
        if (values == null || values.size() != 2 || values.get(0) != null) {
            return true;
        }
        long current = values.get(1) == null ? 0 : Long.parseLong(values.get(1));
        return !(jwt.getClaim(CLAIM_GENERATION) instanceof Number generation) || generation.longValue() != current;
    }

    public static NimbusJwtDecoder decoder(String secret) {
        return NimbusJwtDecoder.withSecretKey(key(secret)).macAlgorithm(MacAlgorithm.HS256).build();
    }
}
