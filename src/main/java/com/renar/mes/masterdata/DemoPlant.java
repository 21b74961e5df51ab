package com.renar.mes.masterdata;

import com.renar.mes.masterdata.BomManagement.BomChange;
import com.renar.mes.masterdata.RoutingManagement.NewRouting;
import com.renar.mes.masterdata.ShiftPatternManagement.NewShiftPattern;
import com.renar.mes.masterdata.UserManagement.NewUser;
import com.renar.mes.platform.DatabaseMode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo plant ({@code masterdata/demo-plant.yml}) on start-up when {@link DemoDataPolicy} says so.
 *
 * <p>Everything is written in one transaction that starts by claiming the row {@code demo_data_load(NAME)} with
 * {@code insert ... on conflict do nothing}: when nothing was inserted, another start (now or earlier) has loaded
 * or is loading it, and this one skips. A failure rolls everything back, the claim included.
 */
@Component
class DemoPlant implements ApplicationRunner {

    static final String NAME = "renar-demo-plant";
    static final String RESOURCE = "masterdata/demo-plant.yml";

    private static final Logger log = LoggerFactory.getLogger(DemoPlant.class);

    private final DemoProperties properties;
    private final DatabaseMode databaseMode;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Validator validator;
    private final ProcessStepManagement processSteps;
    private final WorkcenterManagement workcenters;
    private final ItemManagement items;
    private final BomManagement boms;
    private final RoutingManagement routings;
    private final ReasonCodeManagement reasonCodes;
    private final ShiftPatternManagement shiftPatterns;
    private final UserManagement users;

    DemoPlant(
            DemoProperties properties,
            DatabaseMode databaseMode,
            PlatformTransactionManager transactionManager,
            JdbcClient jdbc,
            JsonMapper json,
            Validator validator,
            ProcessStepManagement processSteps,
            WorkcenterManagement workcenters,
            ItemManagement items,
            BomManagement boms,
            RoutingManagement routings,
            ReasonCodeManagement reasonCodes,
            ShiftPatternManagement shiftPatterns,
            UserManagement users) {
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.json = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.validator = validator;
        this.processSteps = processSteps;
        this.workcenters = workcenters;
        this.items = items;
        this.boms = boms;
        this.routings = routings;
        this.reasonCodes = reasonCodes;
        this.shiftPatterns = shiftPatterns;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoDataPolicy.shouldLoad(properties.enabled(), databaseMode)) {
            log.debug("Demo plant not loaded (mes.demo.enabled='{}', {} database)", properties.enabled(), databaseMode);
            return;
        }
        try {
            loadIfAbsent();
            log.info("Demo plant ready: log in with POST /api/v1/auth/login as operator|supervisor|pcp|manager,"
                    + " password from MES_DEMO_PASSWORD (default 'renar')");
        } catch (RuntimeException e) {
            // The demo is a convenience: the plant's own data must stay usable even when it cannot be loaded.
            log.error("Demo plant could not be loaded; nothing of it was kept", e);
        }
    }

    /** Loads the demo plant in one transaction unless it was loaded before; true when this call loaded it. */
    boolean loadIfAbsent() {
        DemoPlantData plant = read();
        boolean loaded = Boolean.TRUE.equals(transactions.execute(status -> loadOnce(plant)));
        if (loaded) {
            log.info(
                    "Demo plant loaded: {} process steps, {} workcenters, {} items, {} BOMs, {} routings,"
                            + " {} reason codes, shifts for {} departments, {} users",
                    plant.processSteps().size(),
                    plant.workcenters().size(),
                    plant.items().size(),
                    plant.boms().size(),
                    plant.routings().stream().mapToInt(r -> r.items().size()).sum(),
                    plant.reasonCodes().size(),
                    plant.shifts().departments().size(),
                    plant.users().size());
        }
        return loaded;
    }

    /** Inside a transaction: claims the demo row, then loads everything; false when the row was taken. */
    private boolean loadOnce(DemoPlantData plant) {
        int claimed = jdbc.sql("insert into demo_data_load (name) values (:name) on conflict do nothing")
                .param("name", NAME)
                .update();
        if (claimed == 0) {
            log.debug("Demo plant '{}' was loaded before; skipping", NAME);
            return false;
        }
        plant.processSteps().forEach(step -> processSteps.create(valid(step)));
        plant.workcenters().forEach(workcenter -> workcenters.create(valid(workcenter)));
        plant.items().forEach(item -> items.create(valid(item)));
        for (DemoPlantData.ItemBom bom : plant.boms()) {
            boms.replace(bom.item(), valid(new BomChange(null, bom.lines())));
        }
        for (DemoPlantData.ItemsRouting routing : plant.routings()) {
            NewRouting command = valid(new NewRouting(routing.steps()));
            routing.items().forEach(item -> routings.create(item, command));
        }
        plant.reasonCodes().forEach(reasonCode -> reasonCodes.create(valid(reasonCode)));
        for (String department : plant.shifts().departments()) {
            for (DemoPlantData.Days days : plant.shifts().week()) {
                for (int weekday : days.weekdays()) {
                    for (DemoPlantData.Shift shift : days.shifts()) {
                        shiftPatterns.create(valid(new NewShiftPattern(
                                null,
                                department,
                                weekday,
                                shift.shiftNumber(),
                                shift.start(),
                                shift.end(),
                                shift.breaks())));
                    }
                }
            }
        }
        // Not validated: the demo password may be shorter than the policy for real users asks.
        for (DemoPlantData.User user : plant.users()) {
            users.create(
                    new NewUser(user.username(), user.badge(), user.displayName(), user.role(), properties.password()));
        }
        return true;
    }

    private DemoPlantData read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return json.convertValue(tree, DemoPlantData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The demo obeys the same field rules as a request to the API. */
    private <T> T valid(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Invalid demo data " + command + ": "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .collect(Collectors.joining(", ")));
        }
        return command;
    }
}
