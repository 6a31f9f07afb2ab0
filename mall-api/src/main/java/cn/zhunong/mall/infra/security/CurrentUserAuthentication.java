package cn.zhunong.mall.infra.security;

import cn.zhunong.common.security.AccessTokens;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the verified JWT plus the {@link CurrentUser} read from it. */
public class CurrentUserAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final Jwt jwt;

    CurrentUserAuthentication(CurrentUser user, Jwt jwt) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        this.user = user;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return jwt;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    public Jwt jwt() {
        return jwt;
    }

    /** Maps claims to a principal; a token with claims we do not understand is not authenticated. */
    static final class FromJwt implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Role role = Role.valueOf(jwt.getClaimAsString(AccessTokens.CLAIM_ROLE));
            CurrentUser user = new CurrentUser(Long.parseLong(jwt.getSubject()), role,
                    asLong(jwt.getClaim(AccessTokens.CLAIM_AGENCY)), asLong(jwt.getClaim(AccessTokens.CLAIM_STREAMER)));
            return new CurrentUserAuthentication(user, jwt);
        }

        private static Long asLong(Object claim) {
            return claim instanceof Number n ? n.longValue() : null;
        }
    }
}
