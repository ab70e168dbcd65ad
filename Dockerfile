# One image for every service of the graph and the built apps; docker-compose.yml picks the entry point.
FROM node:20.19-bookworm-slim
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm ci --no-audit --no-fund && npm run build --workspaces --if-present
ENV NODE_ENV=production HOST=0.0.0.0
USER node
