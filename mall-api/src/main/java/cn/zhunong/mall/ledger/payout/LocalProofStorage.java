package cn.zhunong.mall.ledger.payout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps proofs on the local disk under {@code zhunong.storage.local-dir}, one random name per
 * file (written to a temporary file first, then moved into place). Replace with object storage
 * when running more than one instance.
 */
@Component
class LocalProofStorage implements ProofStorage {

    private final Path root;
    private final Clock clock;

    LocalProofStorage(StorageProperties properties, Clock clock) {
        this.root = properties.localDir().toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public String store(byte[] content, ProofType type) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String key = "payout-proofs/" + today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/"
                + UUID.randomUUID() + "." + type.extension();
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store proof", e);
        }
        return key;
    }

    @Override
    public Optional<byte[]> load(String key) {
        Path file = resolve(key);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read proof", e);
        }
    }

    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("key outside the storage root");
        }
        return file;
    }
}
