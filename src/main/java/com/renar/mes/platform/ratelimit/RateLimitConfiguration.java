package com.renar.mes.platform.ratelimit;

import com.renar.mes.platform.web.Problems;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Wires the rate limit: buckets in Redis when {@code MES_REDIS_URL} is set (the limit then holds across
 * instances), in this process otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /**
     * Right after Spring Security: a 429 then carries the security and CORS headers (a dashboard in the browser can
     * read {@code Retry-After}), and requests without a valid token were already refused, cheaply, by security.
     */
    static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10;

    static final String REDIS_KEY_PREFIX = "mes:rl:";
    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    BucketStore rateLimitBuckets(RateLimitProperties properties, @Value("${mes.redis.url:}") String redisUrl) {
        if (properties.enabled() && StringUtils.hasText(redisUrl)) {
            log.info("Rate-limit buckets live in Redis at {}", RedisBucketStore.describe(redisUrl));
            return new RedisBucketStore(redisUrl, REDIS_KEY_PREFIX, TimeMeter.SYSTEM_MILLISECONDS);
        }
        return new LocalBucketStore(TimeMeter.SYSTEM_NANOTIME, LocalBucketStore.DEFAULT_MAX_BUCKETS);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimitProperties properties, BucketStore rateLimitBuckets, Problems problems) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(properties, rateLimitBuckets, problems));
        registration.setName("rateLimitFilter");
        registration.setOrder(ORDER);
        return registration;
    }
}
