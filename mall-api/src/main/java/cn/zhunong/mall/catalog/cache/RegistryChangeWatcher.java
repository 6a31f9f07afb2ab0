package cn.zhunong.mall.catalog.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Notices successful writes to a village or a household through the registry API and has the
 * catalog catch up ({@link RegistryChangeSync}). It runs after the registry's transaction has
 * committed, so the catalog reads the new state. Watching the API keeps the registry free of
 * catalog code; if the registry ever publishes change events, listen to those instead.
 */
@Component
public class RegistryChangeWatcher implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RegistryChangeWatcher.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VILLAGE = Pattern.compile("^/api/v1/villages/(\\d+)(/.*)?$");
    private static final Pattern HOUSEHOLD = Pattern.compile("^/api/v1/households/(\\d+)(/.*)?$");

    private final RegistryChangeSync sync;

    public RegistryChangeWatcher(RegistryChangeSync sync) {
        this.sync = sync;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null || !WRITES.contains(request.getMethod()) || response.getStatus() >= 300) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            Matcher village = VILLAGE.matcher(path);
            if (village.matches()) {
                sync.villageChanged(Long.parseLong(village.group(1)));
                return;
            }
            Matcher household = HOUSEHOLD.matcher(path);
            if (household.matches()) {
                sync.householdChanged(Long.parseLong(household.group(1)));
            }
        } catch (RuntimeException e) {
            // the registry change itself succeeded; listings catch up at the latest when their cache expires
            log.error("Catalog could not follow the registry change at {}", path, e);
        }
    }
}
