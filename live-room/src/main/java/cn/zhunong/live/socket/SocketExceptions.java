package cn.zhunong.live.socket;

import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.handler.ClientHead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.net.SocketException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What happens when a client sends something netty-socketio cannot decode (malformed packets,
 * frames over the size limit): the offending connection is closed, nobody else notices, and the
 * log gets one short line at debug level rather than a stack trace per bad packet (a client could
 * otherwise fill the disk).
 */
@Component
public class SocketExceptions implements com.corundumstudio.socketio.listener.ExceptionListener {

    private static final Logger log = LoggerFactory.getLogger(SocketExceptions.class);

    private final Counter malformed;

    public SocketExceptions(MeterRegistry meters) {
        this.malformed = Counter.builder("live.packets.malformed").register(meters);
    }

    @Override
    public void onEventException(Exception e, List<Object> args, SocketIOClient client) {
        log.warn("Event listener failed for {}: {}", client.getSessionId(), e.toString(), e);
    }

    @Override
    public void onDisconnectException(Exception e, SocketIOClient client) {
        log.warn("Disconnect listener failed for {}", client.getSessionId(), e);
    }

    @Override
    public void onConnectException(Exception e, SocketIOClient client) {
        log.warn("Connect listener failed for {}", client.getSessionId(), e);
        client.disconnect();
    }

    @Override
    public void onPingException(Exception e, SocketIOClient client) {
        log.debug("Ping listener failed", e);
    }

    @Override
    public void onPongException(Exception e, SocketIOClient client) {
        log.debug("Pong listener failed", e);
    }

    @Override
    public void onAuthException(Throwable e, SocketIOClient client) {
        log.warn("Auth listener failed for {}", client.getSessionId(), e);
    }

    @Override
    public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
        if (e instanceof SocketException || e.getClass() == IOException.class) {
            log.debug("Connection problem: {}", e.toString());
            ctx.close();
            return true;
        }
        malformed.increment();
        ClientHead client = ctx.channel().attr(ClientHead.CLIENT).get();
        log.debug("Bad input from {}: {}", client == null ? ctx.channel().remoteAddress() : client.getSessionId(), e.toString());
        if (client != null) {
            client.disconnect();
        }
        ctx.close();
        return true;
    }
}
