package cn.zhunong.bench;

import java.nio.charset.StandardCharsets;

/** The bytes of the requests the load generators send: an authenticated GET and an order POST. */
final class HttpRequests {

    /** the server under load runs in this JVM */
    static final String HOST = "127.0.0.1";

    private HttpRequests() {
    }

    static byte[] get(int port, String path, String token) {
        return ("GET " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] post(int port, String path, String token, String idempotencyKey, byte[] json) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + HOST + ":" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nIdempotency-Key: " + idempotencyKey + "\r\nContent-Type: application/json\r\nAccept: application/json"
                + "\r\nContent-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + json.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(json, 0, request, head.length, json.length);
        return request;
    }
}
