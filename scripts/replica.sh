#!/usr/bin/env bash
# A PostgreSQL streaming replica of the local cluster, for reports (DATABASE_REPLICA_URL).
#
#   scripts/replica.sh start    # idempotent: running -> nothing; stopped -> started; broken or absent -> rebuilt
#   scripts/replica.sh status   # exit 0 when the replica is up, in recovery and streaming from the primary
#   scripts/replica.sh stop     # stops it, keeps its data for a quick start
#   scripts/replica.sh destroy  # stops it and deletes its data
#
# The replica is a second cluster on this machine (REPLICA_PORT, 5433), copied with pg_basebackup -R from
# the primary on 127.0.0.1:PRIMARY_PORT (5432) and run as the postgres user. The primary needs
# wal_level=replica (PostgreSQL's default) and a pg_hba entry letting 127.0.0.1 replicate; `start`
# adds that entry to the primary's pg_hba.conf when it is missing and reloads the primary. No replication
# slot: a replica left stopped never makes the primary keep WAL; one that has fallen too far behind is
# rebuilt by the next `start`.
set -euo pipefail

PRIMARY_HOST=127.0.0.1
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5433}
REPLICA_DIR=${REPLICA_DIR:-/tmp/gonghui-replica-$REPLICA_PORT}
PG_BIN_DIR=${PG_BIN_DIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
LOG=$REPLICA_DIR.log
HBA_LINE="host replication all 127.0.0.1/32 trust"

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
primary_sql() { "$PG_BIN_DIR/psql" -X -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -Atqc "$1"; }
replica_sql() { "$PG_BIN_DIR/psql" -X -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atqc "$1" 2>/dev/null; }

streaming() {
    [ "$(replica_sql 'SELECT pg_is_in_recovery()')" = t ] &&
        [ "$(replica_sql 'SELECT status FROM pg_stat_wal_receiver')" = streaming ]
}

wait_streaming() {
    for _ in $(seq 1 "${1:-30}"); do streaming && return 0; sleep 1; done
    return 1
}

allow_replication() {
    local hba
    hba=$(primary_sql "SHOW hba_file")
    if ! grep -qxF "$HBA_LINE" "$hba"; then
        # Replication entries are matched before the catch-all lines below them, so it goes first.
        sed -i "1i $HBA_LINE" "$hba"
        primary_sql "SELECT pg_reload_conf()" >/dev/null
    fi
    [ "$(primary_sql "SHOW wal_level")" != minimal ] || { echo "the primary has wal_level=minimal" >&2; exit 1; }
}

write_config() {
    # Debian keeps the primary's postgresql.conf outside its data directory, so the copy needs its own.
    # A hot standby must allow at least as many connections, workers and locks as the primary.
    local setting
    {
        echo "port = $REPLICA_PORT"
        echo "listen_addresses = '127.0.0.1'"
        echo "unix_socket_directories = '/tmp'"
        echo "hot_standby = on"
        echo "hot_standby_feedback = on"  # long report queries are not cancelled by the primary's vacuum
        echo "max_standby_streaming_delay = 5min"
        echo "shared_buffers = 64MB"
        for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions \
                       max_locks_per_transaction; do
            echo "$setting = $(primary_sql "SHOW $setting")"
        done
    } > "$REPLICA_DIR/postgresql.conf"
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$REPLICA_DIR/pg_hba.conf"
    chown postgres:postgres "$REPLICA_DIR/postgresql.conf" "$REPLICA_DIR/pg_hba.conf"
}

rebuild() {
    echo "copying the primary into $REPLICA_DIR (pg_basebackup)"
    stop_quietly
    rm -rf "$REPLICA_DIR"
    install -d -o postgres -g postgres -m 700 "$REPLICA_DIR"
    as_postgres "$PG_BIN_DIR/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres \
        -D "$REPLICA_DIR" -R -X stream --checkpoint=fast
    write_config
}

pg_start() {
    touch "$LOG" && chown postgres:postgres "$LOG"
    # 9>&-: the server must not inherit (and hold forever) the lock of this script.
    as_postgres "$PG_BIN_DIR/pg_ctl" -D "$REPLICA_DIR" -l "$LOG" -w -t 60 start >/dev/null 9>&-
}

stop_quietly() {
    [ -f "$REPLICA_DIR/postmaster.pid" ] && as_postgres "$PG_BIN_DIR/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null 2>&1 || true
}

start() {
    if streaming; then echo "replica already streaming on port $REPLICA_PORT"; return 0; fi
    allow_replication
    if [ -f "$REPLICA_DIR/standby.signal" ]; then
        stop_quietly
        if pg_start && wait_streaming 20; then echo "replica started on port $REPLICA_PORT"; return 0; fi
        echo "the existing replica did not catch up; rebuilding it"
    fi
    rebuild
    pg_start || { tail -20 "$LOG" >&2; exit 1; }
    wait_streaming 60 || { echo "the replica is not streaming" >&2; tail -20 "$LOG" >&2; exit 1; }
    echo "replica streaming on port $REPLICA_PORT"
}

status() {
    if streaming; then
        echo "replica streaming on port $REPLICA_PORT, replay lag $(primary_sql \
            "SELECT COALESCE(MAX(replay_lag)::text, '0') FROM pg_stat_replication WHERE client_addr = '127.0.0.1'")"
    else
        echo "replica not running on port $REPLICA_PORT"
        return 3
    fi
}

case "${1:-}" in
    start | stop | destroy)
        # One start at a time: two test runs starting at once must not both copy the primary.
        exec 9>"/tmp/gonghui-replica-$REPLICA_PORT.lock"
        flock 9
        case "$1" in
            start) start ;;
            stop) stop_quietly; echo "replica stopped" ;;
            destroy) stop_quietly; rm -rf "$REPLICA_DIR" "$LOG"; echo "replica removed" ;;
        esac
        ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status|destroy" >&2; exit 2 ;;
esac
