#!/usr/bin/env bash
# Starts or stops the PostgreSQL and Redis servers that the test network's AppView needs, on
# loopback and free ports, with all their data in one private folder.
#
#   eval "$(scripts/test-services.sh start)"   # prints `export DB_POSTGRES_URL=...` and REDIS_HOST
#   scripts/test-services.sh stop              # stops both and removes the folder
#
# The folder is $LEXFORGE_SERVICES_DIR, by default ${TMPDIR:-/tmp}/lexforge-services-<uid>.
# `start` reuses servers that already answer there. Missing Debian packages are installed when
# running as root, unless --no-install is given.
set -euo pipefail

PG_MAJOR=15
SERVICES_DIR=${LEXFORGE_SERVICES_DIR:-${TMPDIR:-/tmp}/lexforge-services-$(id -u)}
PORT_TRIES=5

log() {
  echo "test-services: $*" >&2
}

fail() {
  log "$*"
  exit 1
}

# Runs a command as the owner of the PostgreSQL data: root may not run the server itself.
as_pg_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_bin() {
  local dir

  for dir in "/usr/lib/postgresql/$PG_MAJOR/bin" /usr/lib/postgresql/*/bin; do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
      echo "$dir"
      return 0
    fi
  done

  return 1
}

has_binaries() {
  pg_bin > /dev/null && command -v redis-server > /dev/null && command -v redis-cli > /dev/null
}

install_packages() {
  local packages=()

  pg_bin > /dev/null || packages+=("postgresql-$PG_MAJOR")
  if ! command -v redis-server > /dev/null || ! command -v redis-cli > /dev/null; then
    packages+=(redis-server)
  fi

  [[ ${#packages[@]} -eq 0 ]] && return 0
  [[ $(id -u) -eq 0 ]] || fail "Packages missing, install them as root: ${packages[*]}"

  log "installing ${packages[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
}

# Prints a random loopback port that nothing answers on yet; the caller retries when it is taken
# between this check and its own bind.
free_port() {
  local port

  while true; do
    port=$((20000 + RANDOM % 40000))

    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return 0
    fi
  done
}

read_state() {
  local name=$1

  [[ -f $SERVICES_DIR/$name ]] && cat "$SERVICES_DIR/$name"
}

pg_running() {
  local port

  port=$(read_state pg.port) || return 1
  "$(pg_bin)/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres
}

redis_running() {
  local port

  port=$(read_state redis.port) || return 1
  [[ $(redis-cli -h 127.0.0.1 -p "$port" ping 2> /dev/null) == PONG ]]
}

init_pg() {
  local data=$SERVICES_DIR/pg

  mkdir -p "$data"
  chmod 0700 "$data"

  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$data"
  fi

  as_pg_owner "$(pg_bin)/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
    --no-sync --no-instructions > "$SERVICES_DIR/initdb.log" 2>&1 ||
    fail "initdb failed, see $SERVICES_DIR/initdb.log"
}

# @NOTE Durability is off (fsync, synchronous commits, full pages): the data lives for one test
# run. Unix sockets are off too, so the server needs no writable /var/run/postgresql.
start_pg() {
  local port try

  for ((try = 1; try <= PORT_TRIES; try++)); do
    port=$(free_port)

    if as_pg_owner "$(pg_bin)/pg_ctl" -D "$SERVICES_DIR/pg" -l "$SERVICES_DIR/pg/server.log" -w \
      -t 30 -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories= -c fsync=off \
      -c synchronous_commit=off -c full_page_writes=off" start > /dev/null; then
      echo "$port" > "$SERVICES_DIR/pg.port"
      return 0
    fi
  done

  fail "PostgreSQL did not start, see $SERVICES_DIR/pg/server.log"
}

start_redis() {
  local port try

  mkdir -p "$SERVICES_DIR/redis"

  for ((try = 1; try <= PORT_TRIES; try++)); do
    port=$(free_port)

    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
      --dir "$SERVICES_DIR/redis" --pidfile "$SERVICES_DIR/redis/redis.pid" \
      --logfile "$SERVICES_DIR/redis/server.log"
    echo "$port" > "$SERVICES_DIR/redis.port"

    if wait_for redis_running; then
      return 0
    fi
  done

  fail "Redis did not start, see $SERVICES_DIR/redis/server.log"
}

# Polls a check every 50 ms for up to 5 s.
wait_for() {
  local tries

  for ((tries = 0; tries < 100; tries++)); do
    "$@" && return 0
    sleep 0.05
  done

  return 1
}

print_env() {
  echo "export DB_POSTGRES_URL=postgresql://postgres@127.0.0.1:$(read_state pg.port)/postgres"
  echo "export REDIS_HOST=127.0.0.1:$(read_state redis.port)"
}

stop_pg() {
  [[ -f $SERVICES_DIR/pg/postmaster.pid ]] || return 0

  as_pg_owner "$(pg_bin)/pg_ctl" -D "$SERVICES_DIR/pg" -m immediate -w stop > /dev/null ||
    log "PostgreSQL in $SERVICES_DIR/pg did not stop"
}

stop_redis() {
  local pid

  pid=$(cat "$SERVICES_DIR/redis/redis.pid" 2> /dev/null) || return 0
  kill "$pid" 2> /dev/null || return 0

  wait_for process_gone "$pid" || log "Redis (pid $pid) did not stop"
}

process_gone() {
  ! kill -0 "$1" 2> /dev/null
}

cmd_start() {
  local install=true

  [[ ${1:-} == --no-install ]] && install=false

  if pg_running && redis_running; then
    print_env
    return 0
  fi

  if $install; then
    install_packages
  else
    has_binaries || fail 'PostgreSQL or Redis binaries not found'
  fi

  cmd_stop
  mkdir -p "$SERVICES_DIR"
  chmod 0711 "$SERVICES_DIR"
  init_pg
  start_pg
  start_redis
  print_env
}

cmd_stop() {
  [[ -d $SERVICES_DIR ]] || return 0

  stop_pg
  stop_redis
  rm -rf "$SERVICES_DIR"
}

case ${1:-} in
  start) cmd_start "${2:-}" ;;
  stop) cmd_stop ;;
  has-binaries) has_binaries ;;
  *) fail "Usage: $0 start [--no-install] | stop | has-binaries" ;;
esac
