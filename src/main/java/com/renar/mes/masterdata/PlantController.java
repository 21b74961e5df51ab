package com.renar.mes.masterdata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a client needs to know about the plant before anything else: its time zone and what is registered. */
@RestController
@RequestMapping("/api/v1/masterdata/plant")
class PlantController {

    private final PlantProperties plant;
    private final JdbcClient jdbc;

    PlantController(PlantProperties plant, JdbcClient jdbc) {
        this.plant = plant;
        this.jdbc = jdbc;
    }

    @GetMapping
    PlantView plant() {
        Counts counts = jdbc.sql("""
                        select (select count(*) from item) as items,
                               (select count(*) from bom where exists
                                   (select 1 from bom_line where bom_line.bom_id = bom.id)) as boms,
                               (select count(*) from process_step) as process_steps,
                               (select count(*) from workcenter) as workcenters,
                               (select count(*) from workcenter where enabled) as enabled_workcenters,
                               (select count(*) from routing where active) as active_routings,
                               (select count(*) from reason_code) as reason_codes,
                               (select count(*) from shift_pattern) as shift_patterns,
                               (select count(*) from app_user where active) as active_users
                        """)
                .query((rs, n) -> new Counts(
                        rs.getLong("items"),
                        rs.getLong("boms"),
                        rs.getLong("process_steps"),
                        rs.getLong("workcenters"),
                        rs.getLong("enabled_workcenters"),
                        rs.getLong("active_routings"),
                        rs.getLong("reason_codes"),
                        rs.getLong("shift_patterns"),
                        rs.getLong("active_users")))
                .single();
        boolean demo = jdbc.sql("select exists (select 1 from demo_data_load where name = :name)")
                .param("name", DemoPlant.NAME)
                .query(Boolean.class)
                .single();
        return new PlantView(plant.timeZone().getId(), demo, counts);
    }

    record PlantView(String timeZone, boolean demoPlantLoaded, Counts counts) {}

    record Counts(
            long items,
            long boms,
            long processSteps,
            long workcenters,
            long enabledWorkcenters,
            long activeRoutings,
            long reasonCodes,
            long shiftPatterns,
            long activeUsers) {}
}
