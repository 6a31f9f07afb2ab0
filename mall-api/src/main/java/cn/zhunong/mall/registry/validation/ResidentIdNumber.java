package cn.zhunong.mall.registry.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence, and a
 * mod-11 check character (0–9 or X).
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private ResidentIdNumber() {
    }

    /** Upper-cases a trailing x and trims; the stored and hashed form. */
    public static String normalise(String id) {
        return id == null ? null : id.trim().toUpperCase();
    }

    /** Valid structure, check character and a real birth date not after {@code today}. */
    public static boolean isValid(String id, LocalDate today) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return false;
            }
        }
        if (checkChar(id.substring(0, 17)) != id.charAt(17)) {
            return false;
        }
        return birthDate(id).filter(d -> !d.isBefore(EARLIEST) && !d.isAfter(today)).isPresent();
    }

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Full years of age on {@code today}. */
    public static int ageOn(String id, LocalDate today) {
        LocalDate birth = birthDate(id).orElseThrow(() -> new IllegalArgumentException("no birth date"));
        return Period.between(birth, today).getYears();
    }
}
