package cn.zhunong.alipaysim;

import static cn.zhunong.alipaysim.HttpSupport.escape;

/** The HTML the buyer sees: a plain Chinese cashier (收银台), the result page and Alipay-style error pages. */
final class Pages {

    private static final String STYLE = "<style>body{font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;"
            + "background:#f5f6f7;margin:0}.top{background:#1677ff;color:#fff;padding:14px 24px;font-size:18px}"
            + ".box{max-width:520px;margin:32px auto;background:#fff;border-radius:8px;padding:24px 32px;"
            + "box-shadow:0 1px 4px rgba(0,0,0,.08)}.warn{color:#ad6800;background:#fffbe6;border:1px solid #ffe58f;"
            + "padding:8px 12px;border-radius:4px;font-size:13px}dl{display:grid;grid-template-columns:90px 1fr;gap:8px}"
            + "dt{color:#888}dd{margin:0}.amount{font-size:28px;color:#ff5000;font-weight:600}"
            + "input{padding:6px 8px;width:220px}button{margin-top:16px;background:#1677ff;color:#fff;border:0;"
            + "padding:10px 36px;font-size:16px;border-radius:4px;cursor:pointer}.err{color:#cf1322}</style>";

    private Pages() {
    }

    private static String page(String title, String content) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title) + "</title>" + STYLE + "</head><body>"
                + "<div class=\"top\">支付宝 · 收银台（本地模拟）</div><div class=\"box\">" + content + "</div></body></html>";
    }

    static String cashier(TradeView trade, String token, String sellerId, String defaultBuyer) {
        String content = "<p class=\"warn\">这是开发/测试用的支付宝模拟器，不会产生任何真实扣款。</p>"
                + "<h2>订单信息</h2><dl>"
                + "<dt>商品</dt><dd id=\"subject\">" + escape(trade.subject()) + "</dd>"
                + "<dt>订单号</dt><dd id=\"out_trade_no\">" + escape(trade.outTradeNo()) + "</dd>"
                + "<dt>收款方</dt><dd>" + escape(sellerId) + "</dd>"
                + "<dt>应付金额</dt><dd class=\"amount\" id=\"total_amount\">¥" + Money.yuan(trade.totalFen()) + "</dd></dl>"
                + "<form method=\"post\" action=\"/cashier/" + escape(token) + "/pay\">"
                + "<label>付款账户 <input name=\"buyer_logon_id\" value=\""
                + escape(trade.buyerLogonId() != null ? trade.buyerLogonId() : defaultBuyer) + "\"></label><br>"
                + "<button type=\"submit\">确认付款</button></form>";
        return page("支付宝 - 网上支付 安全快速！", content);
    }

    static String paid(TradeView trade) {
        String content = "<h2>付款成功</h2><dl>"
                + "<dt>商品</dt><dd>" + escape(trade.subject()) + "</dd>"
                + "<dt>订单号</dt><dd>" + escape(trade.outTradeNo()) + "</dd>"
                + "<dt>支付宝交易号</dt><dd id=\"trade_no\">" + escape(trade.tradeNo()) + "</dd>"
                + "<dt>实付金额</dt><dd class=\"amount\">¥" + Money.yuan(trade.totalFen()) + "</dd></dl>";
        return page("付款成功", content);
    }

    static String error(String code, String subCode, String subMsg) {
        String content = "<h2 class=\"err\">抱歉，无法完成付款</h2><dl>"
                + "<dt>错误代码</dt><dd id=\"sub_code\">" + escape(subCode != null ? subCode : code) + "</dd>"
                + "<dt>错误原因</dt><dd id=\"sub_msg\">" + escape(subMsg) + "</dd></dl>";
        return page("支付宝 - 错误", content);
    }
}
