package com.renar.mes.orders.erp;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The parser always exists (the ERP may push orders even when the MES does not pull); the {@link ErpGateway}
 * only when {@code mes.erp.enabled=true}, so a MES without an ERP configured starts and polls nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErpProperties.class)
class ErpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ErpConfiguration.class);

    @Bean
    ErpOrderParser erpOrderParser(ErpProperties properties) {
        return new ErpOrderParser(properties.timeZone());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "mes.erp", name = "enabled", havingValue = "true")
    static class GatewayConfiguration {

        /** Closed by the context: the database adapter owns a connection pool. */
        @Bean
        ErpGateway erpGateway(ErpProperties properties, ErpOrderParser parser, Clock clock) {
            ErpGateway gateway = switch (properties.type()) {
                case REST -> RestErpGateway.create(properties.rest(), parser, clock);
                case DATABASE -> JdbcErpGateway.create(properties.database(), parser, clock);
            };
            log.info(
                    "ERP integration enabled: {}{}",
                    gateway.describe(),
                    properties.type() == ErpProperties.Type.REST
                                    && !StringUtils.hasText(properties.rest().apiKey())
                            ? " (no API key configured)"
                            : "");
            return gateway;
        }
    }
}
