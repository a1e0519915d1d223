# syntax=docker/dockerfile:1
# Multi-stage build of the briefing bot: compile TypeScript once, ship compiled JavaScript only.

# --- build: every dependency (better-sqlite3 builds from source when no prebuilt binary fits) ---
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# --- runtime: compiled JavaScript, production dependencies, a non-root user, data on a volume ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    BRIEFING_DATA_DIR=/data \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY package.json LICENSE README.md ./
COPY bin ./bin
COPY config ./config
COPY briefings ./briefings
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# The health check asks the command line to open the configuration and the database.
HEALTHCHECK --interval=60s --timeout=20s --start-period=60s --retries=3 \
  CMD ["node", "dist/src/cli.js", "schedule", "list", "--json"]
CMD ["node", "dist/src/main.js"]
