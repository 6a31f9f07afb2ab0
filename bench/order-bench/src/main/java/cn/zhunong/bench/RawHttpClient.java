package cn.zhunong.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection per simulated buyer, blocking, minimal (Content-Length and
 * chunked bodies). Cheaper than a general client, so more of the two cores go to the server.
 */
final class RawHttpClient implements AutoCloseable {

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttpClient(int port) {
        this.port = port;
    }

    /** Status code of a POST; the body is read and dropped unless {@code keepBody}. */
    Response post(String path, String token, String idempotencyKey, byte[] json, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(HttpRequests.post(port, path, token, idempotencyKey, json));
            out.flush();
            return read(keepBody);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Status code of a GET with the token; the body is read and dropped. */
    int get(String path, String token) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(HttpRequests.get(port, path, token));
            out.flush();
            return read(false).status();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    record Response(int status, String body) {
    }

    private Response read(boolean keepBody) throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            line();
        } else if (length > 0) {
            copy(length, body);
        }
        if (close) {
            close();
        }
        return new Response(status, body == null ? null : body.toString(StandardCharsets.UTF_8));
    }

    private void copy(int n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[Math.min(n, 8192)];
        while (n > 0) {
            int read = in.read(buffer, 0, Math.min(n, buffer.length));
            if (read < 0) {
                throw new IOException("connection closed mid-body");
            }
            if (to != null) {
                to.write(buffer, 0, read);
            }
            n -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("connection closed");
    }

    private void connect() throws IOException {
        socket = new Socket(HttpRequests.HOST, port);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 4096);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
