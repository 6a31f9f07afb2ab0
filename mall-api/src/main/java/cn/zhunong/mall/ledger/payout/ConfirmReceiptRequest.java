package cn.zhunong.mall.ledger.payout;

import jakarta.validation.constraints.Size;

public record ConfirmReceiptRequest(@Size(max = 200) String note) {
}
