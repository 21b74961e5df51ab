# syntax=docker/dockerfile:1
# Multi-stage build of MES RENAR. Not exercised by the test suite (no Docker engine on the build machines).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && java -Djarmode=tools -jar target/mes.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:17-jre
RUN groupadd --system mes && useradd --system --gid mes --home-dir /app --shell /usr/sbin/nologin mes
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
RUN mkdir -p /app/data /app/logs && chown -R mes:mes /app
USER mes
ENV MES_DATA_DIR=/app/data MES_LOG_DIR=/app/logs
EXPOSE 8080 9090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
