package cn.zhunong.mall.catalog.cache;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class CatalogWebConfig implements WebMvcConfigurer {

    private final RegistryChangeWatcher watcher;

    public CatalogWebConfig(RegistryChangeWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(watcher).addPathPatterns("/api/v1/villages/**", "/api/v1/households/**");
    }
}
