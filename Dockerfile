# One image for the Medusa server, the Medusa worker and the realtime sidecar
# (docker-compose.yml picks the command). Build: docker build -t medusa-live-commerce .
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# `medusa build` compiles the app (and the sidecar under src/realtime) and the Admin.
RUN npx medusa build

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.medusa/server ./
COPY --from=build /app/package.json ./package.json
EXPOSE 9000 9001
CMD ["npx", "medusa", "start"]
