# syntax=docker/dockerfile:1
# One image recipe for the three services:
#   docker build --build-arg SERVICE=ingest-service -t scanwatch/ingest-service .
# (docker compose builds all three). The build stage compiles the service and the modules it needs
# with the Maven wrapper; the runtime stage holds only a JRE and the service's jar extracted into
# Spring Boot's layers, dependencies first, so a code change rebuilds and ships only the last layer.
# Base images are pinned to exact releases: bump them deliberately, both stages together.

FROM eclipse-temurin:25.0.3_9-jdk-noble AS build
WORKDIR /workspace
# The reactor names every module, so Maven needs every module's pom even to build one of them.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY local-stack/pom.xml local-stack/
COPY local-stack/kafka-broker/pom.xml local-stack/kafka-broker/
COPY benchmarks/pom.xml benchmarks/
COPY contracts/ contracts/
COPY trivy-reports/ trivy-reports/
COPY service-support/ service-support/
COPY test-support/ test-support/
COPY ingest-service/ ingest-service/
COPY policy-service/ policy-service/
COPY notifier-service/ notifier-service/
ARG SERVICE
# The cache mount keeps Maven (the wrapper's download) and the dependencies between builds without
# putting them in any layer. Tests run in CI, not here (-DskipTests still builds the test jars).
RUN --mount=type=cache,target=/root/.m2 \
    case "${SERVICE}" in \
      ingest-service|policy-service|notifier-service) ;; \
      *) echo "Set --build-arg SERVICE=ingest-service, policy-service or notifier-service (got '${SERVICE}')" >&2; exit 1 ;; \
    esac \
 && ./mvnw -B -ntp -q -pl "${SERVICE}" -am -DskipTests -Dspotless.check.skip=true package \
 && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:25.0.3_9-jre-noble
RUN groupadd --system --gid 10001 scanwatch \
 && useradd --system --uid 10001 --gid scanwatch --no-create-home --shell /usr/sbin/nologin scanwatch
# Health check without curl or wget (the JRE image has neither, and a JVM per probe would cost more
# than the check): bash's /dev/tcp asks /actuator/health, healthy on 200 (Boot answers 503 when DOWN).
# The port is SERVER_PORT, or else the default in the service's application.yml.
COPY --chmod=755 <<'EOF' /usr/local/bin/healthcheck
#!/usr/bin/env bash
set -eu
port="${SERVER_PORT:-$(sed -n 's/^ *port: \${SERVER_PORT:\([0-9]*\)}.*/\1/p' /app/BOOT-INF/classes/application.yml | head -n 1)}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r _ status _ <&3
[ "${status}" = 200 ]
EOF
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER scanwatch
# Serial GC and C1 only: three services share small hosts; each idles well under 300 MB this way.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 CMD ["healthcheck"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
