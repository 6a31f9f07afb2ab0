package cn.zhunong.mall.infra.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes each distinct access token once. Parsing a JWT, checking its HMAC and converting its
 * claims cost about as much CPU as the rest of an authenticated request, and a buyer sends the
 * same token with every request for its whole life. The cache is keyed by the complete token
 * text, so only the exact bytes that were verified hit it; what can change while a token lives —
 * its expiry and its revocation — is checked on every use by {@code everyUse}.
 *
 * <p>Bounded crudely but safely: at {@code capacity} entries the cache is emptied and refills
 * with the tokens in use (a miss only costs one full decode).
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> everyUse;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param verifier checks the signature and the claims (a token it refuses is never cached)
     * @param everyUse checks run on every request, cached or not: expiry and revocation
     */
    VerifiedTokenCache(JwtDecoder verifier, OAuth2TokenValidator<Jwt> everyUse, int capacity) {
        this.verifier = verifier;
        this.everyUse = everyUse;
        this.capacity = capacity;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifier.decode(token);
            if (verified.size() >= capacity) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = everyUse.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("invalid token: " + result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
