package cn.zhunong.mall.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhunong.mall.catalog.CatalogFixtures;
import cn.zhunong.mall.support.Api;
import cn.zhunong.mall.support.ApiTest;
import cn.zhunong.mall.support.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ProductImageApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    CatalogFixtures fx;
    String staff;
    long productId;
    String images;

    @BeforeEach
    void setUp() {
        fx = new CatalogFixtures(jdbc, api());
        long agency = data.agency("图片机构" + TestData.next());
        long village = fx.village(agency, "图片村" + TestData.next());
        staff = data.staff(agency).token();
        productId = fx.createProduct(staff, CatalogFixtures.product(village, "脐橙"));
        images = "/api/v1/agency/products/" + productId + "/images";
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private HttpResponse<byte[]> fetch(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aValidPngIsStoredUnderAGeneratedNameAndServedToEveryone() throws Exception {
        byte[] png = png();
        // the part's declared type is text/csv and the name is the client's: neither matters
        Api.Response uploaded = api().upload(images, staff, "../../我的照片.png", png);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String key = uploaded.json().path("key").asString();
        assertThat(key).matches("[0-9a-f]{32}\\.png").doesNotContain("照片");
        assertThat(uploaded.json().path("contentType").asString()).isEqualTo("image/png");
        assertThat(uploaded.json().path("sizeBytes").asInt()).isEqualTo(png.length);

        HttpResponse<byte[]> served = fetch(uploaded.json().path("url").asString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(Arrays.equals(served.body(), png)).isTrue();
        assertThat(api().get("/api/v1/agency/products/" + productId, staff).json().path("images").get(0).path("key").asString())
                .isEqualTo(key);

        long imageId = uploaded.json().path("id").asLong();
        assertThat(api().delete(images + "/" + imageId, staff).status()).isEqualTo(204);
        assertThat(fetch("/api/v1/images/" + key).statusCode()).isEqualTo(404);
        assertThat(api().delete(images + "/" + imageId, staff).code()).isEqualTo("IMAGE_NOT_FOUND");
    }

    @Test
    void aPngThatIsReallyTextIsRefused() {
        Api.Response response = api().upload(images, staff, "photo.png", "not an image at all".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("UNSUPPORTED_IMAGE");
        assertThat(api().upload(images, staff, "empty.png", new byte[0]).code()).isEqualTo("UNSUPPORTED_IMAGE");
        assertThat(api().get("/api/v1/agency/products/" + productId, staff).json().path("images")).isEmpty();
    }

    @Test
    void anImageOverTwoMegabytesIsRefused() throws IOException {
        byte[] big = Arrays.copyOf(png(), 2 * 1024 * 1024 + 1);
        Api.Response response = api().upload(images, staff, "big.png", big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("IMAGE_TOO_LARGE");
        // beyond the multipart limit the container refuses it before we see it, still as problem+json
        Api.Response huge = api().upload(images, staff, "huge.png", new byte[6 * 1024 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aMissingFilePartAndUnknownKeysAreClientErrors() throws Exception {
        Api.Response noPart = api().raw("POST", images, staff, "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noPart.status()).isEqualTo(400);
        assertThat(noPart.contentType()).startsWith("application/problem+json");
        assertThat(fetch("/api/v1/images/0123456789abcdef0123456789abcdef.png").statusCode()).isEqualTo(404);
        assertThat(fetch("/api/v1/images/..%2F..%2Fpom.xml").statusCode()).isIn(400, 404);
        assertThat(fetch("/api/v1/images/mall-api.yml").statusCode()).isEqualTo(404);
    }

    @Test
    void aListingCarriesAtMostNineImages() throws IOException {
        byte[] png = png();
        for (int i = 0; i < 9; i++) {
            assertThat(api().upload(images, staff, "p" + i + ".png", png).status()).isEqualTo(201);
        }
        Api.Response tenth = api().upload(images, staff, "p9.png", png);
        assertThat(tenth.status()).isEqualTo(409);
        assertThat(tenth.code()).isEqualTo("TOO_MANY_IMAGES");
    }
}
