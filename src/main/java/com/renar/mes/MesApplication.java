package com.renar.mes;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * MES RENAR: the plant's Manufacturing Execution System. {@code java -jar mes.jar} runs the server;
 * {@code java -jar mes.jar job <name>} runs one job (e.g. {@code erp-sync}) without the web server and exits
 * with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MesApplication {

    public static void main(String[] args) {
        if (args.length >= 2 && "job".equals(args[0])) {
            String[] rest = Arrays.copyOfRange(args, 2, args.length);
            var context = new SpringApplicationBuilder(MesApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("mes.job=" + args[1], "mes.scheduling.enabled=false", "mes.demo.enabled=false")
                    .run(rest);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(MesApplication.class, args);
    }
}
