package cn.zhunong.mall.campaign;

import cn.zhunong.mall.infra.web.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The 村村播 家家富 view of an active VILLAGE_LIVE campaign (public, aggregate and display names only). */
@Service
public class VillageLiveService {

    /** sessions shown per village, newest first */
    static final int SESSIONS_PER_VILLAGE = 50;

    private final CampaignMapper campaigns;
    private final CampaignAttribution attribution;
    private final JdbcTemplate jdbc;

    public VillageLiveService(CampaignMapper campaigns, CampaignAttribution attribution, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.attribution = attribution;
        this.jdbc = jdbc;
    }

    public VillageLiveView view(String code) {
        Campaign campaign = code == null ? null : campaigns.findByCode(code);
        if (campaign == null || campaign.getStatus() != CampaignStatus.ACTIVE) {
            throw ApiException.notFound("CAMPAIGN_NOT_FOUND", "活动不存在");
        }
        if (campaign.getType() != CampaignType.VILLAGE_LIVE) {
            throw ApiException.notFound("NOT_A_VILLAGE_LIVE_CAMPAIGN", "该活动不是村村播 家家富活动");
        }
        Set<Long> listed = new HashSet<>(campaigns.villageIds(campaign.getId()));
        LocalDate first = campaign.getStartsAt().atZone(CampaignAttribution.CHINA).toLocalDate();
        LocalDate last = campaign.getEndsAt().minusMillis(1).atZone(CampaignAttribution.CHINA).toLocalDate();
        List<VillageLiveView.PilotVillage> villages = attribution.pilotVillages(campaign).stream()
                .map(id -> village(id, listed.contains(id), first, last, campaign)).toList();
        return new VillageLiveView(campaign.getCode(), campaign.getName(), campaign.getType().label(),
                campaign.getApprovedWording(), campaign.getStartsAt(), campaign.getEndsAt(), villages);
    }

    private VillageLiveView.PilotVillage village(long id, boolean listed, LocalDate first, LocalDate last, Campaign campaign) {
        boolean flagged = !jdbc.queryForList("SELECT 1 FROM village_flag WHERE village_id = ? AND flag = 'PILOT_CUNCUNBO' "
                + "AND effective_from <= ? AND (effective_to IS NULL OR effective_to >= ?) LIMIT 1", Integer.class, id, last, first)
                .isEmpty();
        List<VillageLiveView.Streamer> streamers = jdbc.query("SELECT s.id, s.display_name, p.public_welfare "
                + "FROM village_streamer_pairing p JOIN streamer s ON s.id = p.streamer_id "
                + "WHERE p.village_id = ? AND p.status = 'ACTIVE' ORDER BY p.id",
                (rs, i) -> new VillageLiveView.Streamer(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), id);
        List<VillageLiveView.Session> sessions = jdbc.query("SELECT l.id, l.title, l.status, l.scheduled_start, l.scheduled_end, "
                + "l.started_at, l.ended_at, s.id, s.display_name FROM live_session l JOIN streamer s ON s.id = l.streamer_id "
                + "WHERE l.village_id = ? AND l.status IN ('SCHEDULED','LIVE','ENDED') AND l.scheduled_start < ? "
                + "AND l.scheduled_end > ? ORDER BY l.scheduled_start DESC, l.id DESC LIMIT " + SESSIONS_PER_VILLAGE,
                (rs, i) -> new VillageLiveView.Session(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getLong(8),
                        rs.getString(9)),
                id, Timestamp.from(campaign.getEndsAt()), Timestamp.from(campaign.getStartsAt()));
        return jdbc.query("SELECT name, county_name, township_name FROM village WHERE id = ?",
                (rs, i) -> new VillageLiveView.PilotVillage(id, rs.getString(1), rs.getString(2), rs.getString(3), listed, flagged,
                        streamers, sessions), id).get(0);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
