package cn.zhunong.mall.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

    private static final String KEY_A = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_B = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    private final PiiCipher cipher = new PiiCipher(new PiiProperties(KEY_A, KEY_B));

    @Test
    void encryptsWithAFreshIvAndDecryptsBack() {
        byte[] first = cipher.encrypt("11010519491231002X");
        byte[] second = cipher.encrypt("11010519491231002X");
        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("1101051949");
        assertThat(cipher.decrypt(first)).isEqualTo("11010519491231002X");
        assertThat(cipher.decrypt(second)).isEqualTo("11010519491231002X");
    }

    @Test
    void tamperedCiphertextOrAnotherKeyIsRefused() {
        byte[] sealed = cipher.encrypt("6222021234567890123");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        PiiCipher other = new PiiCipher(new PiiProperties(KEY_B, KEY_A));
        assertThatThrownBy(() -> other.decrypt(cipher.encrypt("13912345678"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyedHashIsStablePerKeyAndDiffersAcrossKeys() {
        PiiCipher other = new PiiCipher(new PiiProperties(KEY_A, KEY_A));
        assertThat(cipher.hash("13912345678")).isEqualTo(cipher.hash("13912345678")).hasSize(32);
        assertThat(other.hash("13912345678")).isNotEqualTo(cipher.hash("13912345678"));
    }

    @Test
    void keysMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> new PiiCipher(new PiiProperties("c2hvcnQ=", KEY_B))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new PiiCipher(new PiiProperties("not base64!", KEY_B))).hasMessageContaining("base64");
    }

    @Test
    void masksKeepOnlyTheEnds() {
        assertThat(Masking.idNumber("440106199001011234")).isEqualTo("4401**********1234");
        assertThat(Masking.bankAccount("6222021234567890123")).isEqualTo("6222***********0123");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.personName("张三丰")).isEqualTo("张**");
        assertThat(Masking.personName("李")).isEqualTo("李*");
    }
}
