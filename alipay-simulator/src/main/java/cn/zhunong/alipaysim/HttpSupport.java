package cn.zhunong.alipaysim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers around the JDK HTTP server. */
final class HttpSupport {

    private HttpSupport() {
    }

    static byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Splits "a=1&b=2" into raw (still percent-encoded) pairs. */
    static List<String[]> rawPairs(String raw) {
        List<String[]> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            pairs.add(eq < 0 ? new String[] {part, ""} : new String[] {part.substring(0, eq), part.substring(eq + 1)});
        }
        return pairs;
    }

    /** Decodes raw pairs with the given charset; the first occurrence of a name wins. */
    static Map<String, String> decode(List<String[]> pairs, Charset charset) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String[] pair : pairs) {
            String key = URLDecoder.decode(pair[0], charset);
            params.putIfAbsent(key, URLDecoder.decode(pair[1], charset));
        }
        return params;
    }

    static Map<String, String> form(String raw, Charset charset) {
        return decode(rawPairs(raw), charset);
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    static void html(HttpExchange ex, int status, String html) throws IOException {
        send(ex, status, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange ex, int status, String text) throws IOException {
        send(ex, status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
