package cn.zhunong.mall.campaign.certificate;

/** Escaping for the HTML page and the SVG image: every text that goes into markup passes here. */
final class Markup {

    /** Fonts with Simplified Chinese glyphs, tried in order by whoever renders the page or image. */
    static final String CJK_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', "
            + "'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Hiragino Sans GB', SimHei, sans-serif";

    private Markup() {
    }

    /** Escapes text for element content and quoted attributes (HTML and XML alike); drops XML-illegal controls. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
