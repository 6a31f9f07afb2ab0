package cn.zhunong.live.socket;

import com.corundumstudio.socketio.protocol.Event;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * netty-socketio's JSON support with one change: an event nobody listens to (or without a name)
 * is renamed {@link #UNKNOWN_EVENT}, so it reaches a listener that answers UNKNOWN_EVENT instead of
 * being dropped silently (or, for a non-string name, failing inside netty-socketio).
 */
public class LiveJsonSupport extends JacksonJsonSupport {

    public static final String UNKNOWN_EVENT = "__unknown_event";

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    @Override
    public void addEventMapping(String namespaceName, String eventName, Class<?>... eventClass) {
        known.add(eventName);
        super.addEventMapping(namespaceName, eventName, eventClass);
    }

    @Override
    public <T> T readValue(String namespaceName, ByteBufInputStream src, Class<T> valueType) throws IOException {
        T value = super.readValue(namespaceName, src, valueType);
        if (value instanceof Event event && (event.getName() == null || !known.contains(event.getName()))) {
            String name = event.getName() == null ? "" : event.getName();
            @SuppressWarnings("unchecked")
            T renamed = (T) new Event(UNKNOWN_EVENT, List.of(name.length() > 64 ? name.substring(0, 64) : name));
            return renamed;
        }
        return value;
    }
}
