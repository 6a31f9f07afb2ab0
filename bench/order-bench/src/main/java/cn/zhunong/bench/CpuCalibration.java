package cn.zhunong.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * How fast one core of this machine is right now: SHA-256 over a buffer for about a second. The
 * virtual machine's speed moves between runs (and within one), so the order figures are printed
 * next to this one — compare runs only when their calibrations agree.
 */
final class CpuCalibration {

    private CpuCalibration() {
    }

    /** Megabytes hashed per second on the calling thread. */
    static double sha256MegabytesPerSecond() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1 << 20];
            long deadline = System.nanoTime() + 1_000_000_000L;
            long started = System.nanoTime();
            int megabytes = 0;
            while (System.nanoTime() < deadline) {
                digest.update(block);
                megabytes++;
            }
            block[0] = digest.digest()[0]; // keep the work observable
            return megabytes / ((System.nanoTime() - started) / 1e9);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
