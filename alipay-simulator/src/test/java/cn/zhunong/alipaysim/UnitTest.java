package cn.zhunong.alipaysim;

import static org.assertj.core.api.Assertions.assertThat;

import com.alipay.api.internal.util.AlipaySignature;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void moneyParsingIsExactAndStrict() {
        assertThat(Money.parseFen("12.34")).isEqualTo(1234);
        assertThat(Money.parseFen("12.3")).isEqualTo(1230);
        assertThat(Money.parseFen("12")).isEqualTo(1200);
        assertThat(Money.parseFen("0.01")).isEqualTo(1);
        assertThat(Money.parseFen("100000000.00")).isEqualTo(Money.MAX_FEN);
        assertThat(Money.parseFen("1.001")).isEqualTo(-1);
        assertThat(Money.parseFen("-1.00")).isEqualTo(-1);
        assertThat(Money.parseFen("1e3")).isEqualTo(-1);
        assertThat(Money.parseFen(" 1.00")).isEqualTo(-1);
        assertThat(Money.parseFen(null)).isEqualTo(-1);
        assertThat(Money.yuan(1234)).isEqualTo("12.34");
        assertThat(Money.yuan(5)).isEqualTo("0.05");
        assertThat(Money.yuan(-3000)).isEqualTo("-30.00");
        assertThat(Money.feeFen(10000, 60)).isEqualTo(60);
        assertThat(Money.feeFen(50, 60)).isEqualTo(0);
        assertThat(Money.feeFen(250, 60)).isEqualTo(2); // 1.5 fen rounds half up
    }

    @Test
    void signContentAndSignaturesMatchTheSdk() throws Exception {
        Map<String, String> params = new HashMap<>();
        params.put("b", "2");
        params.put("a", "中文 & =");
        params.put("empty", "");
        params.put("sign_type", "RSA2");
        params.put("sign", "xxx");
        assertThat(Rsa2.signContent(params, Rsa2.REQUEST_EXCLUDED))
                .isEqualTo(AlipaySignature.getSignContent(withoutSign(params)))
                .isEqualTo("a=中文 & =&b=2&sign_type=RSA2");
        assertThat(Rsa2.signContent(params, Rsa2.NOTIFY_EXCLUDED))
                .isEqualTo(AlipaySignature.getSignCheckContentV1(new HashMap<>(params)));

        KeyPair pair = Rsa2.generateKeyPair();
        String content = "a=中文&b=2";
        String ours = Rsa2.sign(content, pair.getPrivate(), StandardCharsets.UTF_8);
        assertThat(AlipaySignature.rsaCheck(content, ours, Rsa2.publicKeyBase64(pair), "UTF-8", "RSA2")).isTrue();
        String theirs = AlipaySignature.rsaSign(content, Rsa2.privateKeyBase64(pair), "UTF-8", "RSA2");
        assertThat(Rsa2.verify(content, theirs, Rsa2.publicKey(Rsa2.publicKeyBase64(pair)), StandardCharsets.UTF_8)).isTrue();
        assertThat(ours).isEqualTo(theirs); // PKCS#1 v1.5 signatures are deterministic
    }

    @Test
    void buyerLogonIdsAreMaskedLikeAlipay() {
        assertThat(TradeBook.mask("13812345678")).isEqualTo("138****5678");
        assertThat(TradeBook.mask("zhangsan@163.com")).isEqualTo("zha***@163.com");
        assertThat(TradeBook.buyerId("13812345678")).matches("2088\\d{12}").isEqualTo(TradeBook.buyerId("13812345678"));
    }

    private static Map<String, String> withoutSign(Map<String, String> params) {
        Map<String, String> copy = new HashMap<>(params);
        copy.remove("sign");
        return copy;
    }
}
