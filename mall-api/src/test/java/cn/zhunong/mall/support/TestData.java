package cn.zhunong.mall.support;

import cn.zhunong.mall.infra.security.AccessTokenIssuer;
import cn.zhunong.mall.infra.security.CurrentUser;
import cn.zhunong.mall.infra.security.Role;
import cn.zhunong.mall.registry.validation.CreditCode;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Unique, valid test data. Every value is derived from a counter seeded by the clock, so test
 * classes sharing the database never collide. Rows are inserted with plain SQL so that tests of
 * one feature do not depend on another feature's endpoints.
 */
@Component
public class TestData {

    public static final String PASSWORD = "Zhunong@2026";

    private static final AtomicLong SEQ = new AtomicLong(System.currentTimeMillis() % 10_000_000L * 10);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AccessTokenIssuer tokens;

    public TestData(JdbcTemplate jdbc, PasswordEncoder passwords, AccessTokenIssuer tokens) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    public static long next() {
        return SEQ.incrementAndGet();
    }

    /** A valid 统一社会信用代码 never used before in this JVM. */
    public static String creditCode() {
        String first17 = "52440106" + String.format("%09d", next() % 1_000_000_000L);
        return first17 + CreditCode.checkChar(first17);
    }

    /** A valid 公民身份号码 with the given birth date, never used before in this JVM. */
    public static String idNumber(LocalDate birth) {
        String first17 = "440106" + birth.toString().replace("-", "") + String.format("%03d", next() % 1000);
        return first17 + ResidentIdNumber.checkChar(first17);
    }

    /** Birth date and sequence both come from one counter value, so numbers repeat only after 20 million calls. */
    public static String idNumber() {
        long n = next();
        String first17 = "440106" + LocalDate.of(1950, 1, 1).plusDays(n / 1000 % 20000).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkChar(first17);
    }

    public static String phone() {
        return "139" + String.format("%08d", next() % 100_000_000L);
    }

    public static String divisionCode() {
        return "440106" + String.format("%06d", next() % 1_000_000L);
    }

    public long agency(String name) {
        return insert("INSERT INTO agency (name, type, credit_code, region_code, created_at, updated_at) "
                + "VALUES (?, 'SOCIAL_WORK_STATION', ?, '440106', ?, ?)", name, creditCode(), now(), now());
    }

    public long village(long agencyId, String name) {
        return insert("INSERT INTO village (agency_id, name, division_code, county_code, county_name, created_at, updated_at) "
                + "VALUES (?, ?, ?, '440106', '天河区', ?, ?)", agencyId, name, divisionCode(), now(), now());
    }

    /** A 牵手 pairing in force today: {@code aiding} staff may read {@code aided} records. */
    public void pairing(long aiding, long aided) {
        insert("INSERT INTO agency_pairing (aiding_agency_id, aided_agency_id, programme, start_date, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", aiding, aided, "test-" + next(), LocalDate.now().minusYears(1), now());
    }

    public Login admin() {
        return login(Role.PLATFORM_ADMIN, null, false);
    }

    public Login staff(long agencyId) {
        return login(Role.AGENCY_STAFF, agencyId, false);
    }

    /** Staff holding the permission to reveal full personal values. */
    public Login piiOfficer(long agencyId) {
        return login(Role.AGENCY_STAFF, agencyId, true);
    }

    public Login citizen() {
        return login(Role.CITIZEN, null, false);
    }

    public Login host() {
        return login(Role.HOST, null, false);
    }

    /** A HOST account bound to a streamer, as admins create them. */
    public Login hostOf(long streamerId) {
        String loginName = "h" + next();
        long id = insert("INSERT INTO user_account (login_name, password_hash, role, display_name, streamer_id, can_view_pii, "
                + "enabled, created_at, updated_at) VALUES (?, ?, 'HOST', ?, ?, 0, 1, ?, ?)",
                loginName, passwords.encode(PASSWORD), "主播" + next(), streamerId, now(), now());
        String token = tokens.issue(new CurrentUser(id, Role.HOST, null, streamerId), "主播").value();
        return new Login(id, loginName, token);
    }

    /** Inserts an account with {@link #PASSWORD} and mints its access token. */
    public Login login(Role role, Long agencyId, boolean canViewPii) {
        String loginName = role == Role.CITIZEN ? phone() : "t" + next();
        long id = insert("INSERT INTO user_account (login_name, password_hash, role, display_name, agency_id, can_view_pii, "
                + "enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                loginName, passwords.encode(PASSWORD), role.name(), "测试用户" + next(), agencyId, canViewPii, now(), now());
        String token = tokens.issue(new CurrentUser(id, role, agencyId, null), "测试用户").value();
        return new Login(id, loginName, token);
    }

    /** Inserts one row and returns its generated id. */
    public long insert(String sql, Object... args) {
        return Rows.insert(jdbc, sql, args);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    public record Login(long userId, String loginName, String token) {
    }
}
