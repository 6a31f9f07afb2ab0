package cn.zhunong.mall.order.refund;

import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.web.ApiException;
import cn.zhunong.mall.infra.web.PageQuery;
import cn.zhunong.mall.infra.web.PageResult;
import cn.zhunong.mall.order.LineRefundStatus;
import cn.zhunong.mall.order.Order;
import cn.zhunong.mall.order.OrderLine;
import cn.zhunong.mall.order.OrderLineMapper;
import cn.zhunong.mall.order.OrderMapper;
import cn.zhunong.mall.order.OrderProperties;
import cn.zhunong.mall.order.OrderQueryService;
import cn.zhunong.mall.order.OrderTransitionHook;
import cn.zhunong.mall.order.OrderStatus;
import cn.zhunong.mall.registry.scope.AgencyScope;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Refund applications (buyer) and their review (agency staff). The money promised back on an
 * order never exceeds what was paid: the check runs with the order row locked, so concurrent
 * applications are counted one after the other.
 */
@Service
public class RefundService {

    /** The immediate attempt after approval is made by the approver; the retry job waits this long. */
    private static final Duration FIRST_RETRY_AFTER = Duration.ofMinutes(1);

    private final RefundMapper refunds;
    private final OrderMapper orders;
    private final OrderLineMapper lines;
    private final OrderQueryService orderQueries;
    private final RefundExecutor executor;
    private final AgencyScope scope;
    private final OrderProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ObjectProvider<OrderTransitionHook> hooks;

    public RefundService(RefundMapper refunds, OrderMapper orders, OrderLineMapper lines, OrderQueryService orderQueries,
            RefundExecutor executor, AgencyScope scope, OrderProperties properties, ObjectMapper json, Clock clock,
            PlatformTransactionManager transactions, ObjectProvider<OrderTransitionHook> hooks) {
        this.refunds = refunds;
        this.orders = orders;
        this.lines = lines;
        this.orderQueries = orderQueries;
        this.executor = executor;
        this.scope = scope;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.hooks = hooks;
    }

    public RefundResponse apply(CurrentUser buyer, long orderId, RefundApplication application) {
        orderQueries.requireOwn(buyer, orderId);
        List<String> photos = application.photos() == null ? List.of() : application.photos();
        Refund refund = tx.execute(status -> {
            Instant now = now();
            Order order = orders.lockById(orderId);
            hooks.orderedStream().forEach(hook -> hook.beforeRefundApplication(order));
            OrderLine line = lines.selectById(application.lineId());
            if (line == null || !line.getOrderId().equals(orderId)) {
                throw ApiException.notFound("ORDER_LINE_NOT_FOUND", "订单中没有这一项");
            }
            RefundPolicy.check(order.getStatus(), order.getReceivedAt(), Boolean.TRUE.equals(line.getPerishable()),
                    application.claimType(), photos.size(), now, properties.afterSaleWindow(), properties.perishableClaimWindow());
            if (lines.moveRefundStatus(line.getId(), LineRefundStatus.NONE, LineRefundStatus.REFUNDING) == 0) {
                throw ApiException.conflict(line.getRefundStatus() == LineRefundStatus.REFUNDED ? "LINE_ALREADY_REFUNDED"
                        : "REFUND_IN_PROGRESS", "这一项已退款或正在退款中");
            }
            long amount = line.getLineFen() + shippingShare(order, line);
            if (refunds.committedAmount(orderId) + amount > order.getPaidFen()) {
                throw ApiException.conflict("REFUND_EXCEEDS_PAID", "退款总额不能超过实付金额");
            }
            Refund created = new Refund();
            created.setOutRequestNo(order.getOrderNo() + "L" + line.getId() + "N" + (refunds.countByLine(line.getId()) + 1));
            created.setOrderId(orderId);
            created.setOrderLineId(line.getId());
            created.setUserId(buyer.id());
            created.setAgencyId(order.getAgencyId());
            created.setClaimType(application.claimType());
            created.setReason(application.reason().trim());
            created.setPhotos(photos.isEmpty() ? null : json.writeValueAsString(photos));
            created.setAmountFen(amount);
            created.setStatus(RefundStatus.PENDING);
            created.setAttempts(0);
            created.setCreatedAt(now);
            created.setUpdatedAt(now);
            refunds.insert(created);
            return created;
        });
        return view(refund);
    }

    public List<RefundResponse> ofOrder(CurrentUser buyer, long orderId) {
        orderQueries.requireOwn(buyer, orderId);
        return refunds.findByOrderId(orderId).stream().map(this::view).toList();
    }

    public RefundResponse get(CurrentUser staff, long refundId) {
        Refund refund = refunds.selectById(refundId);
        if (refund == null) {
            throw RefundErrors.notFound();
        }
        scope.requireRead(staff, refund.getAgencyId(), RefundErrors.notFound());
        return view(refund);
    }

    public PageResult<RefundResponse> list(CurrentUser staff, RefundFilter filter, PageQuery page) {
        Set<Long> readable = scope.readableAgencies(staff);
        if (readable != null && readable.isEmpty()) {
            return PageResult.of(page.<Refund>toPage(), r -> null);
        }
        LambdaQueryWrapper<Refund> query = new LambdaQueryWrapper<Refund>()
                .in(readable != null, Refund::getAgencyId, readable)
                .eq(filter.agencyId() != null, Refund::getAgencyId, filter.agencyId())
                .eq(filter.status() != null, Refund::getStatus, filter.status())
                .orderByDesc(Refund::getId);
        return PageResult.of(refunds.selectPage(page.toPage(), query), this::view);
    }

    /** Approves and immediately asks Alipay; an unknown outcome stays PROCESSING and is retried by the job. */
    public RefundResponse approve(CurrentUser staff, long refundId) {
        Refund refund = requireWritable(staff, refundId);
        tx.executeWithoutResult(status -> {
            Instant now = now();
            Order order = orders.lockById(refund.getOrderId());
            if (refunds.approve(refundId, staff.id(), now, now.plus(FIRST_RETRY_AFTER)) == 0) {
                throw RefundErrors.stateConflict(refunds.selectById(refundId).getStatus());
            }
            // counted PENDING already; checked again under the lock in case paid/refunded moved
            if (refunds.committedAmount(order.getId()) > order.getPaidFen()) {
                throw ApiException.conflict("REFUND_EXCEEDS_PAID", "退款总额不能超过实付金额");
            }
        });
        executor.execute(refundId);
        return view(refunds.selectById(refundId));
    }

    public RefundResponse reject(CurrentUser staff, long refundId, String reason) {
        Refund refund = requireWritable(staff, refundId);
        tx.executeWithoutResult(status -> {
            if (refunds.reject(refundId, staff.id(), reason.trim(), now()) == 0) {
                throw RefundErrors.stateConflict(refunds.selectById(refundId).getStatus());
            }
            lines.moveRefundStatus(refund.getOrderLineId(), LineRefundStatus.REFUNDING, LineRefundStatus.NONE);
        });
        return view(refunds.selectById(refundId));
    }

    /**
     * The shipping fee goes back with the last line of an order that has not shipped: then nothing
     * was delivered at all.
     */
    private long shippingShare(Order order, OrderLine line) {
        if (order.getStatus() != OrderStatus.PAID || order.getShippingFen() == 0) {
            return 0;
        }
        boolean othersAllBack = lines.findByOrderId(order.getId()).stream()
                .filter(l -> !l.getId().equals(line.getId()))
                .allMatch(l -> l.getRefundStatus() != LineRefundStatus.NONE);
        return othersAllBack ? order.getShippingFen() : 0;
    }

    private Refund requireWritable(CurrentUser staff, long refundId) {
        Refund refund = refunds.selectById(refundId);
        if (refund == null || refund.getOrderLineId() == null) {
            throw RefundErrors.notFound();
        }
        scope.requireWrite(staff, refund.getAgencyId(), RefundErrors.notFound());
        return refund;
    }

    RefundResponse view(Refund r) {
        List<String> photos = r.getPhotos() == null ? List.of() : List.of(json.readValue(r.getPhotos(), String[].class));
        return new RefundResponse(r.getId(), r.getOutRequestNo(), r.getOrderId(), r.getOrderLineId(), r.getAgencyId(),
                r.getClaimType(), r.getReason(), photos, r.getAmountFen(), r.getStatus(), r.getRejectReason(), r.getReviewedAt(),
                r.getAttempts() == null ? 0 : r.getAttempts(), r.getLastError(), r.getRefundedAt(), r.getCreatedAt());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
