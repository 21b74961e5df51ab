package com.renar.mes.masterdata;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The plant itself.
 *
 * @param timeZone where the shift times are wall-clock times ({@code MES_PLANT_TIMEZONE})
 */
@ConfigurationProperties("mes.plant")
record PlantProperties(ZoneId timeZone) {

    PlantProperties {
        if (timeZone == null) {
            timeZone = ZoneId.of("America/Sao_Paulo");
        }
    }
}
