package cn.zhunong.devrun;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo world: a Guangzhou 社工机构 that aids a 社工站 in 从江县 (a 国家乡村振兴重点帮扶县 and 832
 * county) under a 粤黔协作 牵手 pairing, and a 社工站 in 连南瑶族自治县 whose villages are
 * 村村播 家家富 pilots. Names and codes are realistic but fictitious.
 */
final class DemoData {

    static final String PASSWORD = "Zhunong@2026";

    record Agency(String key, String name, String type, String creditFirst17, String regionCode, String contact) {
    }

    record Village(String key, String agencyKey, String name, String divisionCode, String countyCode, String countyName,
            String township, List<String> flags, String surnames) {
    }

    record Streamer(String key, String agencyKey, String displayName, String realName, String idFirst17, boolean verified,
            String mcn, String regionCode) {
    }

    record Pairing(String villageKey, String streamerKey, String agreementNo, LocalDate signed, boolean publicWelfare,
            int commissionBp) {
    }

    record Login(String loginName, String role, String displayName, String agencyKey, String streamerKey, boolean canViewPii,
            String description) {
    }

    static final List<Agency> AGENCIES = List.of(
            new Agency("sunshine", "广州市阳光社会工作服务中心", "SOCIAL_WORK_ORG", "52440106MJL0123456", "440106", "陈晓敏"),
            new Agency("bingmei", "从江县丙妹镇社会工作服务站", "SOCIAL_WORK_STATION", "52522633MJY2233445", "522633", "潘玉兰"),
            new Agency("sanjiang", "连南瑶族自治县三江镇社会工作服务站", "SOCIAL_WORK_STATION", "52441826MJK3344556", "441826", "房志强"));

    static final String PAIRING_PROGRAMME = "粤黔协作·社工牵手计划（2026—2027）";

    private static final List<String> KEY_COUNTY = List.of("KEY_ASSISTANCE_COUNTY", "COUNTY_832");

    static final List<Village> VILLAGES = List.of(
            new Village("basha", "bingmei", "岜沙村", "522633100201", "522633", "从江县", "丙妹镇",
                    List.of("KEY_ASSISTANCE_COUNTY", "COUNTY_832", "PILOT_CUNCUNBO"), "滚贾王易"),
            new Village("dadai", "bingmei", "大歹村", "522633100215", "522633", "从江县", "丙妹镇", KEY_COUNTY, "梁韦吴杨"),
            new Village("gaohua", "bingmei", "高华村", "522633100222", "522633", "从江县", "丙妹镇", KEY_COUNTY, "赵盘邓李"),
            new Village("nangang", "sanjiang", "南岗村", "441826101203", "441826", "连南瑶族自治县", "三江镇",
                    List.of("PILOT_CUNCUNBO"), "唐房沈盘"),
            new Village("youling", "sanjiang", "油岭村", "441826101210", "441826", "连南瑶族自治县", "三江镇",
                    List.of("PILOT_CUNCUNBO"), "唐房邓李"),
            new Village("sanpai", "sanjiang", "三排村", "441826101214", "441826", "连南瑶族自治县", "三江镇", List.of(), "沈盘唐赵"));

    /** Given names drawn in turn for the 60 demo households. */
    static final String GIVEN_NAMES = "老三,金花,文秀,国强,永福,美英,德明,秀兰,志华,春燕,建军,桂芳,海生,玉梅,光荣,小红,正发,丽萍,有才,凤英";

    static final String[] CATEGORIES = {"LIFTED_OUT", "LIFTED_OUT", "MONITORED", "LIFTED_OUT", "DIBAO", "LIFTED_OUT",
            "MONITORED", "TEKUN", "LIFTED_OUT", "OTHER"};

    static final List<Streamer> STREAMERS = List.of(
            new Streamer("ahmei", "bingmei", "岜沙阿妹", "滚阿妹", "52263319980312002", true, null, "522633"),
            new Streamer("xiaopan", "sanjiang", "瑶山小盘", "盘晓燕", "44182620010618004", true, null, "441826"),
            new Streamer("liangge", "bingmei", "从江梁哥", "梁国栋", "52263319900101003", true, null, "522633"),
            new Streamer("tangjie", "sanjiang", "南岗唐姐", "唐秀英", "44182619870923002", true, null, "441826"),
            new Streamer("xingchen", "sunshine", "星辰助农", "陈思远", "44010619950505001", true, "广州星辰文化传媒有限公司", "440106"),
            new Streamer("xiaolin", "sunshine", "林小农", "林嘉怡", "44010620000214002", true, "广州星辰文化传媒有限公司", "440106"),
            new Streamer("zhaoge", "sanjiang", "油岭赵哥", "赵永明", "44182619920707003", false, null, "441826"),
            new Streamer("student", "sunshine", "大学生村播小吴", "吴雨桐", "44010620050101004", true, null, "440106"));

    static final List<Pairing> PAIRINGS = List.of(
            new Pairing("basha", "ahmei", "CCB-2026-0001", LocalDate.of(2026, 3, 1), true, 0),
            new Pairing("basha", "xingchen", "CCB-2026-0002", LocalDate.of(2026, 3, 5), false, 500),
            new Pairing("dadai", "liangge", "CCB-2026-0003", LocalDate.of(2026, 3, 8), true, 0),
            new Pairing("gaohua", "xiaolin", "CCB-2026-0004", LocalDate.of(2026, 4, 2), false, 300),
            new Pairing("nangang", "tangjie", "CCB-2026-0005", LocalDate.of(2026, 3, 15), true, 0),
            new Pairing("nangang", "xiaopan", "CCB-2026-0006", LocalDate.of(2026, 3, 15), true, 0),
            new Pairing("youling", "zhaoge", "CCB-2026-0007", LocalDate.of(2026, 5, 1), true, 0),
            new Pairing("sanpai", "student", "CCB-2026-0008", LocalDate.of(2026, 7, 10), true, 0));

    static final List<Login> LOGINS = List.of(
            new Login("admin", "PLATFORM_ADMIN", "平台管理员", null, null, false, "平台管理员 platform admin"),
            new Login("sunshine", "AGENCY_STAFF", "陈晓敏", "sunshine", null, false,
                    "阳光社工 staff (aids 丙妹镇: read-only there)"),
            new Login("bingmei", "AGENCY_STAFF", "潘玉兰", "bingmei", null, true,
                    "丙妹镇社工站 staff, may reveal full personal data"),
            new Login("sanjiang", "AGENCY_STAFF", "房志强", "sanjiang", null, false, "三江镇社工站 staff"),
            new Login("host_ahmei", "HOST", "岜沙阿妹", null, "ahmei", false, "村播 host, paired with 岜沙村"),
            new Login("13800138000", "CITIZEN", "广州市民小李", null, null, false, "citizen (phone login)"));

    private DemoData() {
    }

    static String loginsTable() {
        StringBuilder table = new StringBuilder();
        for (Login login : LOGINS) {
            table.append(String.format("   %-14s %-15s %s%n", login.loginName(), login.role(), login.description()));
        }
        return table.toString().stripTrailing();
    }
}
