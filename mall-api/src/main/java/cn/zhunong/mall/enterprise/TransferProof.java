package cn.zhunong.mall.enterprise;

import cn.zhunong.mall.infra.web.ApiException;
import org.springframework.http.HttpStatus;

/** The kinds of file accepted as proof of a bank transfer, recognised by their first bytes (not the declared type). */
enum TransferProof {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg");

    private final String contentType;

    TransferProof(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    static TransferProof detect(byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest("PROOF_REQUIRED", "请上传转账凭证（图片或 PDF，字段名 file）");
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "PROOF_TOO_LARGE", "转账凭证不能超过 " + maxBytes / 1024 + " KB");
        }
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return PDF;
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "PROOF_TYPE_UNSUPPORTED", "转账凭证须为 PDF、PNG 或 JPEG 文件");
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
