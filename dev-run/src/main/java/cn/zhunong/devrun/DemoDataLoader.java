package cn.zhunong.devrun;

import cn.zhunong.mall.infra.crypto.Masking;
import cn.zhunong.mall.infra.crypto.PiiCipher;
import cn.zhunong.mall.registry.validation.CreditCode;
import cn.zhunong.mall.registry.validation.ResidentIdNumber;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads {@link DemoData} once, in one transaction, into an empty registry. It writes personal
 * data exactly as the household and streamer services do (encrypted, keyed hash, masked form),
 * with the run's own keys. Lives in the dev-only module, so production never contains it.
 */
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int HOUSEHOLDS_PER_VILLAGE = 10;

    private final JdbcTemplate jdbc;
    private final PiiCipher pii;
    private final PasswordEncoder passwords;
    private final TransactionTemplate tx;
    private final Timestamp now = Timestamp.from(Instant.now());

    DemoDataLoader(JdbcTemplate jdbc, PiiCipher pii, PasswordEncoder passwords, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.pii = pii;
        this.passwords = passwords;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer logins = jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE login_name = 'admin'", Integer.class);
        if (logins != null && logins > 0) {
            log.info("Demo data already present");
            return;
        }
        tx.executeWithoutResult(status -> load());
        log.info("Demo data loaded: {} agencies, {} villages, {} households, {} streamers, {} pairings, {} logins",
                DemoData.AGENCIES.size(), DemoData.VILLAGES.size(), DemoData.VILLAGES.size() * HOUSEHOLDS_PER_VILLAGE,
                DemoData.STREAMERS.size(), DemoData.PAIRINGS.size(), DemoData.LOGINS.size());
    }

    private void load() {
        Map<String, Long> agencies = new HashMap<>();
        for (DemoData.Agency a : DemoData.AGENCIES) {
            String creditCode = a.creditFirst17().substring(0, 17) + CreditCode.checkChar(a.creditFirst17().substring(0, 17));
            agencies.put(a.key(), insert("INSERT INTO agency (name, type, credit_code, region_code, contact_name, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", a.name(), a.type(), creditCode, a.regionCode(), a.contact(), now, now));
        }
        insert("INSERT INTO agency_pairing (aiding_agency_id, aided_agency_id, programme, start_date, end_date, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", agencies.get("sunshine"), agencies.get("bingmei"), DemoData.PAIRING_PROGRAMME,
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), now);

        Map<String, Long> villages = new HashMap<>();
        Random random = new Random(20261123L);
        String[] given = DemoData.GIVEN_NAMES.split(",");
        int householdNo = 0;
        for (DemoData.Village v : DemoData.VILLAGES) {
            long villageId = insert("INSERT INTO village (agency_id, name, division_code, county_code, county_name, township_name, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", agencies.get(v.agencyKey()), v.name(),
                    v.divisionCode(), v.countyCode(), v.countyName(), v.township(), now, now);
            villages.put(v.key(), villageId);
            for (String flag : v.flags()) {
                LocalDate from = flag.equals("PILOT_CUNCUNBO") ? LocalDate.of(2024, 3, 1) : LocalDate.of(2021, 8, 27);
                insert("INSERT INTO village_flag (village_id, flag, effective_from, created_at) VALUES (?, ?, ?, ?)",
                        villageId, flag, from, now);
            }
            for (int i = 0; i < HOUSEHOLDS_PER_VILLAGE; i++, householdNo++) {
                String surname = String.valueOf(v.surnames().charAt(i % v.surnames().length()));
                String headName = surname + given[(householdNo * 7 + i) % given.length];
                insertHousehold(villageId, v, headName, DemoData.CATEGORIES[i], random, householdNo);
            }
        }

        Map<String, Long> streamers = new HashMap<>();
        for (DemoData.Streamer s : DemoData.STREAMERS) {
            String id = s.idFirst17() + ResidentIdNumber.checkChar(s.idFirst17());
            streamers.put(s.key(), insert("INSERT INTO streamer (agency_id, display_name, real_name, id_number_enc, id_number_hash, "
                    + "id_number_masked, birth_date, real_name_verified, mcn, region_code, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", agencies.get(s.agencyKey()), s.displayName(), s.realName(),
                    pii.encrypt(id), pii.hash(id), Masking.idNumber(id), ResidentIdNumber.birthDate(id).orElseThrow(),
                    s.verified(), s.mcn(), s.regionCode(), now, now));
        }
        for (DemoData.Pairing p : DemoData.PAIRINGS) {
            insert("INSERT INTO village_streamer_pairing (village_id, streamer_id, agreement_no, signed_date, start_date, end_date, "
                    + "public_welfare, commission_bp, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)",
                    villages.get(p.villageKey()), streamers.get(p.streamerKey()), p.agreementNo(), p.signed(), p.signed(),
                    p.signed().plusYears(2), p.publicWelfare(), p.commissionBp(), now, now);
        }
        String hash = passwords.encode(DemoData.PASSWORD);
        for (DemoData.Login l : DemoData.LOGINS) {
            insert("INSERT INTO user_account (login_name, password_hash, role, display_name, agency_id, streamer_id, can_view_pii, "
                    + "enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", l.loginName(), hash, l.role(),
                    l.displayName(), l.agencyKey() == null ? null : agencies.get(l.agencyKey()),
                    l.streamerKey() == null ? null : streamers.get(l.streamerKey()), l.canViewPii(), now, now);
        }
    }

    private void insertHousehold(long villageId, DemoData.Village v, String headName, String category, Random random, int no) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 45));
        String first17 = v.countyCode() + birth.toString().replace("-", "") + String.format("%03d", 100 + no);
        String idNumber = first17 + ResidentIdNumber.checkChar(first17);
        String bank = "6228480" + String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
        String phone = "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
        boolean consent = no % 4 != 3;
        long householdId = insert("INSERT INTO household (village_id, head_name, category, member_count, id_number_enc, "
                + "id_number_hash, id_number_masked, bank_account_enc, bank_account_hash, bank_account_masked, phone_enc, phone_hash, "
                + "phone_masked, consent_public, public_alias, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                villageId, headName, category, 1 + random.nextInt(6), pii.encrypt(idNumber), pii.hash(idNumber),
                Masking.idNumber(idNumber), pii.encrypt(bank), pii.hash(bank), Masking.bankAccount(bank), pii.encrypt(phone),
                pii.hash(phone), Masking.phone(phone), consent, consent ? v.name() + " " + Masking.personName(headName) : null,
                now, now);
        insert("INSERT INTO household_category_history (household_id, category, effective_from, reason, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", householdId, category, LocalDate.of(2021, 1, 1), "建档立卡信息导入", now);
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
