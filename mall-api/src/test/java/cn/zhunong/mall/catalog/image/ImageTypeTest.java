package cn.zhunong.mall.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    @Test
    void recognisesJpegPngAndWebpByTheirMagicBytes() {
        assertThat(ImageType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).contains(ImageType.JPEG);
        assertThat(ImageType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(ImageType.PNG);
        assertThat(ImageType.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).contains(ImageType.WEBP);
    }

    @Test
    void refusesEverythingElse() {
        assertThat(ImageType.detect("just some text".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageType.detect("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageType.detect("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ImageType.detect(new byte[] {(byte) 0x89, 'P'})).isEmpty();
        assertThat(ImageType.detect(new byte[0])).isEmpty();
    }

    @Test
    void keysAreGeneratedShapesOnly() {
        assertThat(ImageStorage.isValidKey("0123456789abcdef0123456789abcdef.png")).isTrue();
        assertThat(ImageStorage.isValidKey("../../etc/passwd")).isFalse();
        assertThat(ImageStorage.isValidKey("0123456789abcdef0123456789abcdef.svg")).isFalse();
        assertThat(ImageStorage.isValidKey(null)).isFalse();
    }
}
