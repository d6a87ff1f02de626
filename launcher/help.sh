# shellcheck shell=bash
# ./cinemates help

usage() {
    cat <<'EOF'
Usage: ./cinemates <command> [options]

Runs Cinemates on this machine: every service as its own JVM on a loopback port, nginx in front.

Commands:
  up [--data DIR] [--port N] [--postgres [JDBC-URL]] [--redis [URL]] [--replicas N] [--no-build]
                      build what changed, start every service and nginx, print the URL;
                      run again to start whatever is not running
  down                stop nginx, every service and Prometheus
  status              one line per service and nginx: state, pid, port, readiness (and
                      Prometheus when it runs: targets up)
  logs [-f] [-n N] [SERVICE|nginx|prometheus]
                      the last N (50) lines of one log, or of every log prefixed by its
                      name; -f keeps following
  stop SERVICE        stop one service (all its instances; or one: activity-service-2; or
                      nginx, or prometheus) while the rest keep running
  start [SERVICE]     start it again, with the settings of the last up, and wait until ready;
                      without SERVICE everything that is not running (after a restore)
  test                every test: unit and integration (mvnw verify, against PostgreSQL on
                      127.0.0.1:5432), the web app's lint, type check and unit tests, then the
                      end-to-end journey through nginx (API and browser) against a separate
                      instance in production mode: PostgreSQL, Redis on 127.0.0.1:6379 and two
                      instances of activity- and preference-service (.cinemates/e2e-production,
                      ports 19080-19184), scraped by Prometheus (20090) when installed; then a
                      smoke of the default run on its embedded PostgreSQL (.cinemates/e2e, ports
                      18079-18084); on both, backup and restore
  bench NAME          a benchmark (prints figures; not a test):
                        users-me  GET /api/users/me through nginx beside a static file of the
                                  same size (own instance: state .cinemates/bench, ports 2808x)
                        movies    get-by-id and search through nginx with ml-latest-small loaded,
                                  beside static files of the same sizes (own instance)
                        mixed     the whole system under a mixed authenticated load beside nginx
                                  static: start time, first minute, idle memory, each target
                                  and the mix (own instance, ml-latest-small; about 9 minutes)
                        import    1,000,000-row movies.csv into PostgreSQL, rows/s
                        feed      the activity feed query on 10,000,000 activities of 100,000
                                  members in PostgreSQL, for members with 1,000 friends: p50/p99
                        history-import
                                  a Letterboxd ZIP of 20,000 diary rows and three lists against
                                  ml-latest-small: analysis and apply seconds
  evaluate --data DIR [--folds 5] [--seed 42] [--json]
                      offline evaluation of the recommender on DIR/ratings.csv (MovieLens
                      format): RMSE, MAE, NDCG@10, Recall@10/20, HitRate@10 and training time of
                      the shipped model and its baselines on the same seeded folds
  keys rotate         new token signing keys; the old ones stay published until their tokens
                      have expired, so nobody is logged out
  backup [DIR]        every service's database into DIR (default .cinemates/backups/<time>):
                      pg_dump per database on --postgres, a copy of the stopped embedded
                      PostgreSQL's data folder otherwise
  restore DIR         a backup back into this (stopped) instance: every database or none;
                      then start
  prometheus [--port N]
                      Prometheus (Debian's package) beside the running instance, on
                      127.0.0.1:N (9090), scraping every service instance on its port;
                      configuration and data in the state folder; down stops it
  admin grant|revoke USERNAME
                      give or take the ADMIN role (catalogue edits); it reaches the member's
                      requests with their next token
  help                this text

Options of up:
  --data DIR          a MovieLens-format folder (movies.csv, links.csv, tags.csv, ratings.csv)
                      for the catalogue; without it the services use their own sample
  --port N            the port nginx listens on (default 8080)
  --postgres [URL]    an external PostgreSQL server instead of the embedded one (which runs
                      from the state folder on 127.0.0.1, port 8079), one database per service
                      (cinemates_users, cinemates_movies, ...), created when missing.
                      URL: the server, default jdbc:postgresql://127.0.0.1:5432/; user and
                      password from its ?user=...&password=..., else PGUSER and PGPASSWORD,
                      else user postgres without password
  --redis [URL]       share rate limits, revoked tokens and caches between instances in Redis
                      (default redis://127.0.0.1:6379); without it each instance keeps its own
  --replicas N        run N instances (1-9) each of activity-service and preference-service
                      behind nginx, on the service's port + 100, + 200, ...
  --no-build          start the jars as they are, even if sources changed

Services and their default ports: user-service 8081, movie-service 8082,
activity-service 8083, preference-service 8084 (those whose module is in the Maven build).

Environment:
  CINEMATES_HOME            state folder (default: .cinemates at the repository root)
  CINEMATES_LISTEN_ADDRESS  address nginx listens on (default 127.0.0.1; 0.0.0.0 for all)
  CINEMATES_DB_PREFIX       PostgreSQL database names are <prefix>_users, ... (cinemates)
  CINEMATES_EMBEDDED_POSTGRES_PORT
                            port of the embedded PostgreSQL on 127.0.0.1 (8079)
  CINEMATES_LOG_FORMAT      text (default) or json: one JSON object per log line (ECS fields)
  CINEMATES_USERS_PORT, CINEMATES_MOVIES_PORT, CINEMATES_ACTIVITIES_PORT,
  CINEMATES_PREFERENCES_PORT
                            service ports
  CINEMATES_JAVA_OPTS       JVM options instead of the defaults
                            (-Xms32m -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 ..., and -Xmx512m,
                            1g for preference-service, unless the options set a heap ceiling)
  CINEMATES_SERVICE_JAVA    the java the services run on (default: the newest JDK 25+ installed,
                            whose AOT cache starts them faster; else the one that builds)
  CINEMATES_AUTH_RATE, CINEMATES_AUTH_BURST
                            nginx limit per address on POST login/register/refresh (10r/m, 10)
  CINEMATES_API_RATE, CINEMATES_API_BURST
                            nginx limit per address on the rest of /api (20r/s, 100)
  CINEMATES_WEB_ROOT        static files served at / (default: frontend/dist once built,
                            else edge/www)
  CINEMATES_START_TIMEOUT   seconds to wait for everything to come up (180)
  Every other CINEMATES_* variable (CINEMATES_LOGIN_PER_ACCOUNT, CINEMATES_LOGIN_PER_IP,
  CINEMATES_REGISTER_PER_IP, ...) is passed to the services.

The settings of an up are remembered in the state folder: start, and up while something is
still running, use them again. Run down, then up, to change them.
EOF
}
