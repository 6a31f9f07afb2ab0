package cn.zhunong.mall.registry.household;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads villages for the household feature. Plain SQL on purpose: households only need the
 * owning agency and display names, not the village feature's full model.
 */
@Component
class HouseholdVillages {

    private static final String COLUMNS = "SELECT id, agency_id, name, county_name FROM village ";
    private static final RowMapper<VillageRef> ROW = (rs, n) ->
            new VillageRef(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("name"), rs.getString("county_name"));

    private final NamedParameterJdbcTemplate jdbc;

    HouseholdVillages(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VillageRef> find(long id) {
        return jdbc.query(COLUMNS + "WHERE id = :id", Map.of("id", id), ROW).stream().findFirst();
    }

    Map<Long, VillageRef> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Collections.emptyMap();
        }
        return jdbc.query(COLUMNS + "WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids), ROW).stream()
                .collect(Collectors.toMap(VillageRef::id, Function.identity()));
    }
}
