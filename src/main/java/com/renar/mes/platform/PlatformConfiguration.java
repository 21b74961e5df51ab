package com.renar.mes.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module may inject. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** The one source of "now"; tests replace it with a fixed clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
