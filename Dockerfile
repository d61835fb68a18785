# One image for the Medusa server, the Medusa worker and the realtime sidecar
# (docker-compose.yml picks the command). Build: docker build -t medusa-live-commerce .
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# `medusa build` compiles the app (and the sidecar under src/realtime) and the Admin.
# tsconfig.json leaves medusa-config.ts out (it must not ship in the plugin), so the
# app's config is transpiled on its own.
RUN npx medusa build \
 && npx esbuild medusa-config.ts --format=cjs --platform=node --outfile=.medusa/server/medusa-config.js

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.medusa/server ./
COPY --from=build /app/package.json ./package.json
EXPOSE 9000 9001
CMD ["npx", "medusa", "start"]
