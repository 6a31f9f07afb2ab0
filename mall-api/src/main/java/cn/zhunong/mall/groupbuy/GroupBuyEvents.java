package cn.zhunong.mall.groupbuy;

import cn.zhunong.mall.infra.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * GROUP_BUY_SUCCEEDED, written in the transaction that paid the last seat: the ledger credits the
 * households of group orders only then, for exactly the orders listed.
 */
@Component
public class GroupBuyEvents {

    public static final String AGGREGATE = "GROUP_BUY";

    private final Outbox outbox;

    public GroupBuyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void succeeded(long groupBuyId, List<Long> orderIds) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("groupBuyId", groupBuyId);
        payload.put("orderIds", orderIds);
        outbox.append("GROUP_BUY_SUCCEEDED", AGGREGATE, groupBuyId, payload);
    }
}
