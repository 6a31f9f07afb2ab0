package cn.zhunong.mall.campaign.certificate;

/** A certificate an order has, with where to read it (HTML page) and download it (SVG image). */
public record CertificateSummary(String number, String campaignCode, String campaignName, String htmlUrl, String imageUrl) {
}
