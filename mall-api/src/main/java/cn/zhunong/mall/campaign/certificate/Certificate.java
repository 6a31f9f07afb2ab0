package cn.zhunong.mall.campaign.certificate;

import java.time.LocalDate;
import java.util.List;

/**
 * 爱心证书 of a 以购代捐 purchase: what the buyer bought within the campaign and whom it credited.
 * It records a purchase (消费帮扶), never a donation. Households appear by public alias and village
 * only with their consent (the ledger's impact rules); the others are counted and summed.
 *
 * @param number             stable: derived from the campaign id and the order number
 * @param purchaseFen        the campaign's lines of the order, net of refunds
 * @param householdIncomeFen the ledger's credits of those lines, net of reversals
 */
public record Certificate(String number, long orderId, String orderNo, String campaignCode, String campaignName,
        String typeLabel, String organiserName, String approvedWording, LocalDate purchaseDate, long purchaseFen, long units,
        long householdIncomeFen, long householdsCredited, List<Credit> households, long otherHouseholds, long otherIncomeFen) {

    public record Credit(String publicAlias, String villageName, String productName, long incomeFen) {
    }
}
