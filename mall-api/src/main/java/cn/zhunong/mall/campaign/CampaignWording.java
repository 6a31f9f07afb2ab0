package cn.zhunong.mall.campaign;

import cn.zhunong.mall.infra.web.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Campaign texts never call a purchase a donation (慈善法: a donation is unpaid). The programme
 * name 以购代捐 ("buying in place of giving") is the one place the character 捐 may appear; any
 * other 捐 (捐赠, 捐款, 爱心捐 ...) or an English word for giving is refused.
 */
public final class CampaignWording {

    private static final List<String> ENGLISH = List.of("donat", "charit");

    private CampaignWording() {
    }

    public static void check(String field, String text) {
        if (text == null) {
            return;
        }
        String rest = text.replace("以购代捐", "");
        String lower = rest.toLowerCase(Locale.ROOT);
        if (rest.contains("捐") || rest.contains("善款") || ENGLISH.stream().anyMatch(lower::contains)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "DONATION_WORDING",
                    field + "：消费帮扶是购买行为，文案不得称为捐赠、捐款或募捐");
        }
    }
}
