# syntax=docker/dockerfile:1
# One image per service: docker build --build-arg MODULE=question-service .
# (docker-compose.yml builds all five.) Untested here: this machine has no Docker engine.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN test -n "$MODULE" || { echo "set --build-arg MODULE=<service module>"; exit 1; }
# -am builds only what the module needs (events, platform, messaging); tests run in CI, not in image builds
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl "$MODULE" -am package \
    && cp "$MODULE/target/$MODULE-0.1.0-SNAPSHOT.jar" /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 askflow
USER askflow
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
