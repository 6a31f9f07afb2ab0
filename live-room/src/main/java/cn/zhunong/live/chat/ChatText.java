package cn.zhunong.live.chat;

import cn.zhunong.live.config.LiveProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * What viewers see of a text typed in a room: sensitive words masked (word list from
 * {@code zhunong.live.chat.word-list}) and mobile numbers masked like everywhere else on the
 * platform (138****8000), so chat cannot be used to take buyers off the platform or expose a
 * number.
 */
@Component
public class ChatText {

    private static final Logger log = LoggerFactory.getLogger(ChatText.class);
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");

    private final SensitiveWordFilter filter;

    public ChatText(LiveProperties properties, ResourceLoader resources) {
        Resource list = resources.getResource(properties.chat().wordList());
        try {
            String content = list.getContentAsString(StandardCharsets.UTF_8);
            this.filter = new SensitiveWordFilter(SensitiveWordFilter.parseList(content));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sensitive-word list " + properties.chat().wordList(), e);
        }
        log.info("Sensitive-word filter: {} words from {}", filter.size(), properties.chat().wordList());
    }

    public String forViewers(String text) {
        if (text == null) {
            return null;
        }
        String masked = filter.mask(text);
        Matcher mobile = MOBILE.matcher(masked);
        return mobile.find() ? mobile.replaceAll("$1****$3") : masked;
    }
}
