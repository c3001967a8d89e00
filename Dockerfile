# One image recipe for the three services: docker build --build-arg SERVICE=ingest-service .
# The build stage compiles the whole reactor once; the runtime stage holds only a JRE and the
# service's layered jar (dependencies first, so a code change rebuilds only the last layer).

FROM eclipse-temurin:25.0.1_8-jdk-noble AS build
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY contracts/ contracts/
COPY trivy-reports/ trivy-reports/
COPY service-support/ service-support/
COPY test-support/ test-support/
COPY ingest-service/ ingest-service/
COPY policy-service/ policy-service/
COPY notifier-service/ notifier-service/
ARG SERVICE
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl "${SERVICE}" -am -DskipTests -Dspotless.check.skip=true package \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT-exec.jar" \
      extract --layers --launcher --destination /workspace/extracted

FROM eclipse-temurin:25.0.1_8-jre-noble
RUN groupadd --system scanwatch && useradd --system --gid scanwatch --no-create-home scanwatch
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER scanwatch
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
# bash's /dev/tcp needs no curl or wget in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
