package cn.zhunong.mall.order;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Who may see which order: a buyer only their own; agency staff the orders of the agencies in
 * their {@link AgencyScope}, changing only their own agency's. Anything else is "not found".
 */
@Service
public class OrderQueryService {

    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final AgencyScope scope;
    private final OrderViews views;

    public OrderQueryService(OrderMapper orders, OrderLineMapper lines, AgencyScope scope, OrderViews views) {
        this.orders = orders;
        this.lines = lines;
        this.scope = scope;
        this.views = views;
    }

    /** The buyer's own order, or 404 ORDER_NOT_FOUND (also for someone else's). */
    public Order requireOwn(CurrentUser buyer, long orderId) {
        Order order = orders.selectById(orderId);
        if (order == null || order.getUserId() != buyer.id()) {
            throw OrderErrors.notFound();
        }
        return order;
    }

    public Order requireReadableByStaff(CurrentUser staff, long orderId) {
        Order order = orders.selectById(orderId);
        if (order == null) {
            throw OrderErrors.notFound();
        }
        scope.requireRead(staff, order.getAgencyId(), OrderErrors.notFound());
        return order;
    }

    public Order requireWritableByStaff(CurrentUser staff, long orderId) {
        Order order = orders.selectById(orderId);
        if (order == null) {
            throw OrderErrors.notFound();
        }
        scope.requireWrite(staff, order.getAgencyId(), OrderErrors.notFound());
        return order;
    }

    public OrderResponse mine(CurrentUser buyer, long orderId) {
        return view(requireOwn(buyer, orderId), false);
    }

    public OrderResponse forStaff(CurrentUser staff, long orderId) {
        return view(requireReadableByStaff(staff, orderId), true);
    }

    public OrderResponse view(Order order, boolean forStaff) {
        return views.of(order, lines.findByOrderId(order.getId()), forStaff);
    }

    public PageResult<OrderResponse> listMine(CurrentUser buyer, OrderFilter filter, PageQuery page) {
        LambdaQueryWrapper<Order> query = new LambdaQueryWrapper<Order>()
                .eq(Order::getUserId, buyer.id())
                .eq(filter.status() != null, Order::getStatus, filter.status())
                .orderByDesc(Order::getId);
        return page(orders.selectPage(page.toPage(), query), false);
    }

    public PageResult<OrderResponse> listForStaff(CurrentUser staff, OrderFilter filter, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(staff);
        if (readable != null && readable.isEmpty()) {
            return PageResult.of(page.<Order>toPage(), o -> null);
        }
        LambdaQueryWrapper<Order> query = new LambdaQueryWrapper<Order>()
                .in(readable != null, Order::getAgencyId, readable)
                .eq(filter.agencyId() != null, Order::getAgencyId, filter.agencyId())
                .eq(filter.status() != null, Order::getStatus, filter.status())
                .exists(filter.villageId() != null,
                        "SELECT 1 FROM order_line l WHERE l.order_id = orders.id AND l.village_id = {0}", filter.villageId())
                .orderByDesc(Order::getId);
        return page(orders.selectPage(page.toPage(), query), true);
    }

    private PageResult<OrderResponse> page(Page<Order> result, boolean forStaff) {
        List<Long> ids = result.getRecords().stream().map(Order::getId).toList();
        Map<Long, List<OrderLine>> byOrder = ids.isEmpty() ? Map.of()
                : lines.findByOrderIds(ids).stream().collect(Collectors.groupingBy(OrderLine::getOrderId));
        return PageResult.of(result, o -> views.of(o, byOrder.getOrDefault(o.getId(), List.of()), forStaff));
    }
}
