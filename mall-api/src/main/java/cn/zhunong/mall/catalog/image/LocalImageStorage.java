package cn.zhunong.mall.catalog.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Keeps images as files in one folder ({@code zhunong.storage.local-dir}). Files are written under a
 * temporary name and moved into place, so a reader never sees half an image.
 */
@Component
public class LocalImageStorage implements ImageStorage {

    private final Path root;

    public LocalImageStorage(StorageProperties properties) {
        this.root = Path.of(properties.localDir()).toAbsolutePath().normalize();
    }

    @Override
    public String store(byte[] content, ImageType type) {
        String key = UUID.randomUUID().toString().replace("-", "") + "." + type.extension();
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, "upload-", ".tmp");
            try {
                Files.write(temp, content);
                Files.move(temp, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store image", e);
        }
        return key;
    }

    @Override
    public Optional<Resource> load(String key) {
        if (!ImageStorage.isValidKey(key)) {
            return Optional.empty();
        }
        Path file = root.resolve(key);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
    }

    @Override
    public void delete(String key) {
        if (!ImageStorage.isValidKey(key)) {
            return;
        }
        try {
            Files.deleteIfExists(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete image", e);
        }
    }
}
