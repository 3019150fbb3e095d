# Privacy Radar container image. Build: docker build -t privacy-radar .
# Run:   docker run -p 3000:3000 -v privacy-radar-data:/app/data --env-file .env privacy-radar
# Multi-stage: compile TypeScript with dev dependencies, then ship only production ones.

# ---- build: compile TypeScript -------------------------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 falls back to compiling SQLite when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build

# ---- deps: production dependencies only ----------------------------------------------------
FROM node:24-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_URL=/app/data/privacy-radar.db \
    FEEDS_FILE=/app/feeds.json
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json feeds.json feeds.schema.json ./
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# exec form: node is PID 1's child-free main process and receives SIGTERM for a graceful stop.
CMD ["node", "--enable-source-maps", "dist/adapters/runtime/bin.js", "start"]
