package cn.zhunong.mall.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** "Revoke all" must split tokens issued just before it from those issued just after, even within one millisecond. */
class TokenRevocationTest extends ApiTest {

    @Autowired
    AccessTokenIssuer issuer;

    @Autowired
    TokenRevocation revocation;

    @Autowired
    JwtDecoder decoder;

    @Test
    void revokeAllOfEndsEarlierTokensButNotOnesIssuedRightAfter() {
        CurrentUser user = new CurrentUser(TestData.next(), Role.CITIZEN, null, null);
        String before = issuer.issue(user, "x").value();
        assertThat(decoder.decode(before).getSubject()).isEqualTo(Long.toString(user.id()));

        revocation.revokeAllOf(user.id());
        String after = issuer.issue(user, "x").value(); // usually within the same millisecond

        assertThatThrownBy(() -> decoder.decode(before)).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.decode(after).getSubject()).isEqualTo(Long.toString(user.id()));
    }

    @Test
    void revokeTokenEndsOnlyThatToken() {
        CurrentUser user = new CurrentUser(TestData.next(), Role.CITIZEN, null, null);
        String one = issuer.issue(user, "x").value();
        String two = issuer.issue(user, "x").value();
        var jwt = decoder.decode(one);
        revocation.revokeToken(jwt.getId(), jwt.getExpiresAt());
        assertThatThrownBy(() -> decoder.decode(one)).isInstanceOf(JwtValidationException.class);
        assertThat(decoder.decode(two).getId()).isNotEqualTo(jwt.getId());
    }

    @Test
    void tokensOfAnOlderGenerationAreRefused() {
        CurrentUser user = new CurrentUser(TestData.next(), Role.CITIZEN, null, null);
        String token = issuer.issue(user, "x").value();
        assertThat(decoder.decode(token).getClaims()).containsEntry("gen", 0L);
        revocation.revokeAllOf(user.id());
        revocation.revokeAllOf(user.id());
        assertThat(revocation.currentGeneration(user.id())).isEqualTo(2);
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }
}
