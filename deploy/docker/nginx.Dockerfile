# syntax=docker/dockerfile:1
#
# The edge: nginx with the web app built in, built from the repository root:
#
#   docker build -f deploy/docker/nginx.Dockerfile -t cinemates/nginx .
#
# The site is edge/nginx/templates/cinemates.conf.template, the same template ./cinemates uses,
# with the API docs page of edge/nginx/docs at /api/docs.
# The official image renders /etc/nginx/templates/*.template into /etc/nginx/conf.d/ at every
# start; NGINX_ENVSUBST_FILTER limits that to the CINEMATES_* variables, so nginx's own $variables
# stay as they are. Every variable the template uses has a default below; a container overrides
# any of them with its environment (compose.yaml passes the rate limits from .env).

# --- frontend: the React app, built once (frontend/dist) ------------------------------------------
FROM node:20 AS frontend
WORKDIR /frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# --- runtime: nginx, as its unprivileged user, on port 8080 ----------------------------------------
FROM nginx:1.27-alpine AS runtime
ENV NGINX_ENVSUBST_FILTER=CINEMATES_ \
    CINEMATES_LISTEN=8080 \
    CINEMATES_USERS_UPSTREAM=user-service:8081 \
    CINEMATES_MOVIES_UPSTREAM=movie-service:8082 \
    CINEMATES_ACTIVITIES_UPSTREAM=activity-service:8083 \
    CINEMATES_PREFERENCES_UPSTREAM=preference-service:8084 \
    CINEMATES_AUTH_RATE=10r/m \
    CINEMATES_AUTH_BURST=10 \
    CINEMATES_AUTH_RETRY_AFTER=6 \
    CINEMATES_API_RATE=20r/s \
    CINEMATES_API_BURST=100 \
    CINEMATES_API_RETRY_AFTER=1 \
    CINEMATES_WEB_ROOT=/usr/share/nginx/cinemates \
    CINEMATES_CACHE_DIR=/var/cache/nginx/cinemates \
    CINEMATES_ACCESS_LOG=/dev/stdout \
    CINEMATES_NGINX_SNIPPETS=/etc/nginx/cinemates/snippets \
    CINEMATES_NGINX_DOCS=/usr/share/nginx/cinemates-docs \
    CINEMATES_TRUSTED_PROXIES=unix: \
    CINEMATES_REAL_IP_HEADER=X-Forwarded-For \
    CINEMATES_HSTS=on
COPY deploy/docker/nginx.conf /etc/nginx/nginx.conf
COPY edge/nginx/templates/cinemates.conf.template /etc/nginx/templates/cinemates.conf.template
COPY edge/nginx/snippets/ /etc/nginx/cinemates/snippets/
COPY edge/nginx/docs/ /usr/share/nginx/cinemates-docs/
COPY --from=frontend /frontend/dist/ /usr/share/nginx/cinemates/
# The worker runs as the image's nginx user (101): it owns only what nginx writes at run time
# (the rendered site, the cache and temporary files); the static files stay read-only.
RUN rm -f /etc/nginx/conf.d/default.conf \
    && mkdir -p /var/cache/nginx/cinemates \
    && chown -R 101:101 /var/cache/nginx /etc/nginx/conf.d
USER 101:101
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"]
CMD ["nginx", "-g", "daemon off;"]
