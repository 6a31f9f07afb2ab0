package cn.zhunong.mall.ledger.payout;

import java.util.Arrays;
import java.util.Optional;

/** The file types accepted as payout proof, recognised by their first bytes (never by name or declared type). */
public enum ProofType {
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    /** 5 MB. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final String contentType;
    private final String extension;
    private final byte[] magic;

    ProofType(String contentType, String extension, byte[] magic) {
        this.contentType = contentType;
        this.extension = extension;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ProofType> detect(byte[] content) {
        return Arrays.stream(values()).filter(t -> startsWith(content, t.magic)).findFirst();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
