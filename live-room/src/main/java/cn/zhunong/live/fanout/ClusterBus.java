package cn.zhunong.live.fanout;

import cn.zhunong.live.room.RoomKeys;
import cn.zhunong.live.stats.NodeIdentity;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Rooms shared between nodes through Redis pub/sub: one channel per room ({@link RoomKeys#channel}),
 * subscribed by a node while it has viewers in the room, so a node only receives the rooms it
 * serves. A dedicated Lettuce pub/sub connection: subscribing waits for Redis's confirmation (a
 * viewer who has joined gets everything published after), messages arrive in publish order on one
 * thread, and Lettuce resubscribes after a reconnect. Every node, the publisher included, delivers a
 * message when it comes back from Redis, so all nodes see a room's events in the same order.
 */
@Component
public class ClusterBus implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterBus.class);

    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate redis;
    private final ObjectMapper json;
    private final NodeIdentity node;
    private volatile StatefulRedisPubSubConnection<String, String> subscriptions;
    private volatile BiConsumer<Long, BusMessage> handler = (room, message) -> { };

    public ClusterBus(LettuceConnectionFactory factory, StringRedisTemplate redis, ObjectMapper json, NodeIdentity node) {
        this.factory = factory;
        this.redis = redis;
        this.json = json;
        this.node = node;
    }

    public void onMessage(BiConsumer<Long, BusMessage> handler) {
        this.handler = handler;
    }

    public void publish(long sessionId, BusMessage message) {
        redis.convertAndSend(RoomKeys.channel(sessionId), json.writeValueAsString(message));
    }

    public BusMessage message(String kind) {
        return new BusMessage(node.id(), kind, null, null, null, null, null);
    }

    public void subscribe(long sessionId) {
        subscriptions.sync().subscribe(RoomKeys.channel(sessionId));
    }

    public void unsubscribe(long sessionId) {
        subscriptions.sync().unsubscribe(RoomKeys.channel(sessionId));
    }

    @Override
    public void start() {
        AbstractRedisClient client = factory.getRequiredNativeClient();
        StatefulRedisPubSubConnection<String, String> connection;
        if (client instanceof RedisClient standalone) {
            connection = standalone.connectPubSub(StringCodec.UTF8);
        } else if (client instanceof RedisClusterClient cluster) {
            connection = cluster.connectPubSub(StringCodec.UTF8);
        } else {
            throw new IllegalStateException("Unsupported Redis client " + client.getClass());
        }
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String payload) {
                try {
                    long sessionId = Long.parseLong(channel.substring(channel.lastIndexOf(':') + 1));
                    handler.accept(sessionId, json.readValue(payload, BusMessage.class));
                } catch (RuntimeException e) {
                    log.warn("Dropped a bad message on {}: {}", channel, e.toString());
                }
            }
        });
        subscriptions = connection;
    }

    @Override
    public void stop() {
        StatefulRedisPubSubConnection<String, String> connection = subscriptions;
        subscriptions = null;
        if (connection != null) {
            connection.close();
        }
    }

    @Override
    public boolean isRunning() {
        return subscriptions != null;
    }

    /** Up before the socket server accepts anyone, down after it stopped. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
