package cn.zhunong.mall.campaign;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhunong.mall.infra.web.ApiException;
import org.junit.jupiter.api.Test;

class CampaignWordingTest {

    @Test
    void theProgrammeNameIsAllowedButNoOtherWordForGiving() {
        assertThatCode(() -> CampaignWording.check("名称", "以购代捐 春节年货节")).doesNotThrowAnyException();
        assertThatCode(() -> CampaignWording.check("文案", "买一份山货，助一户农家增收；招募志愿主播")).doesNotThrowAnyException();
        assertThatCode(() -> CampaignWording.check("文案", null)).doesNotThrowAnyException();
        for (String text : new String[] {"以购代捐，爱心捐赠", "捐款助农", "募捐", "善款", "Donate now", "charity sale"}) {
            assertThatThrownBy(() -> CampaignWording.check("文案", text)).as(text)
                    .isInstanceOfSatisfying(ApiException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
                            .isEqualTo("DONATION_WORDING"));
        }
    }
}
