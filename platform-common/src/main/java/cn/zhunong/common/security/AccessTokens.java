package cn.zhunong.common.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
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
    /** Issue time in milliseconds ({@code iat} has whole seconds only); revocation compares against it. */
    public static final String CLAIM_ISSUED_AT_MILLIS = "iatMs";
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

    public static NimbusJwtDecoder decoder(String secret) {
        return NimbusJwtDecoder.withSecretKey(key(secret)).macAlgorithm(MacAlgorithm.HS256).build();
    }
}
