#!/usr/bin/env bash
# The consumer test (`npm run consumer`; CI runs it): ActorKit as a user gets it, outside this repository.
#
# It packs every published package (npm pack), and in a fresh folder outside the repository (mktemp -d) installs
# only those tarballs and their registry dependencies, then walks the README's path:
#   npm i @actorkit/runtime zod; npm i -D actorkit @actorkit/testing vitest   (the tarballs in their place)
#   npx actorkit init; npm install; npm test (in process, and in a container); npx actorkit dev --once (Docker);
#   npx actorkit up, and curl of /actors/v2 with its token.
# Beside it, a project using only the runtime and the in-process tier must install no native module and no Docker
# client. Each step is timed; the first that fails stops the run (exit 1) with its output.
#
# Needs: the packages built (npm ci builds them), a Docker engine and the local base image (npm run base-image).
# ACTORKIT_CONSUMER_KEEP=1 keeps the folder afterwards.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/actorkit-consumer.XXXXXX")
TARBALLS="$WORK/tarballs"
APP="$WORK/my-actor"
LOG="$WORK/step.log"
UP_PID=""
# What a user's project allows to run at install time (the README says the same).
ALLOW_SCRIPTS='{"better-sqlite3":true,"esbuild":true,"koffi":true,"cpu-features":false,"ssh2":false,"protobufjs":false}'

say() { printf '[consumer] %s\n' "$*"; }
cleanup() {
  local status=$?
  if [ -n "$UP_PID" ] && kill -0 "$UP_PID" 2>/dev/null; then
    kill -TERM -- "-$UP_PID" 2>/dev/null || true
    wait "$UP_PID" 2>/dev/null || true
  fi
  if [ -n "${ACTORKIT_CONSUMER_KEEP:-}" ] || [ "$status" -ne 0 ]; then
    say "the folder is kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

case "$WORK" in "$ROOT"/*) say "the work folder $WORK is inside the repository"; exit 1 ;; esac

elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
STARTED=$(date +%s.%N)
# step <name> <command...>: runs it with its output in $LOG, prints its time; on failure prints the output and stops.
step() {
  local name=$1
  shift
  local t0 t1
  t0=$(date +%s.%N)
  if "$@" >"$LOG" 2>&1; then
    t1=$(date +%s.%N)
    printf '[consumer] ✔ %-58s %6s s\n' "$name" "$(elapsed "$t0" "$t1")"
  else
    local code=$?
    t1=$(date +%s.%N)
    printf '[consumer] ✘ %-58s %6s s (exit %s)\n' "$name" "$(elapsed "$t0" "$t1")" "$code"
    tail -n 80 "$LOG" | sed 's/^/    /'
    exit 1
  fi
}

# A tarball by package name: @actorkit/api -> actorkit-api-<version>.tgz
tarball() { ls "$TARBALLS"/"$(echo "$1" | sed 's#^@##; s#/#-#')"-[0-9]*.tgz; }

pack_all() {
  mkdir -p "$TARBALLS"
  local args=()
  while read -r dir _; do
    [ -f "$ROOT/$dir/dist/index.js" ] || [ -f "$ROOT/$dir/dist/main.js" ] || {
      echo "$dir is not built (no dist/): run npm run build, or npm ci, which builds"
      return 1
    }
    args+=("--workspace=$dir")
  done < <(node "$ROOT/tools/release/packages.mjs")
  (cd "$ROOT" && npm pack --silent --pack-destination "$TARBALLS" "${args[@]}")
  ls -1 "$TARBALLS"
}

new_project() {
  mkdir -p "$1"
  cd "$1"
  npm init -y >/dev/null
  npm pkg set --json "allowScripts=$ALLOW_SCRIPTS"
}

# npm's warning about install scripts that allowScripts does not cover: a user's project must see none
no_script_warning() {
  if grep -q 'not yet covered by allowScripts' "$1"; then
    grep -A12 'not yet covered by allowScripts' "$1"
    return 1
  fi
}

install_runtime() {
  new_project "$APP"
  npm install --no-audit --no-fund "$(tarball @actorkit/api)" "$(tarball @actorkit/runtime)" zod 2>&1 | tee "$WORK/install-1.log"
  no_script_warning "$WORK/install-1.log"
}

install_cli() {
  cd "$APP"
  local internal=() name spec
  while read -r _ spec; do
    name=${spec%@*}
    case "$name" in @actorkit/api | @actorkit/runtime) ;; *) internal+=("$(tarball "$name")") ;; esac
  done < <(node "$ROOT/tools/release/packages.mjs")
  npm install --no-audit --no-fund -D "${internal[@]}" vitest 2>&1 | tee "$WORK/install-2.log"
  no_script_warning "$WORK/install-2.log"
}

dockerode_only_under_docker() {
  cd "$APP"
  npm ls dockerode --all
  local parents
  parents=$(npm ls dockerode --all --parseable | sed "s#^$APP/##" | grep -v '^$' | grep -v '^node_modules/dockerode$' || true)
  [ -z "$parents" ] || { echo "dockerode installed elsewhere: $parents"; return 1; }
  npm ls dockerode --all | grep -q '@actorkit/docker' || { echo 'dockerode is not under @actorkit/docker'; return 1; }
  # every package that depends on dockerode directly
  node -e '
    const fs = require("fs"), path = require("path");
    const owners = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir)) {
        if (e.startsWith(".")) continue;
        const p = path.join(dir, e);
        if (e.startsWith("@")) { walk(p); continue; }
        const f = path.join(p, "package.json");
        if (fs.existsSync(f)) {
          const j = JSON.parse(fs.readFileSync(f, "utf8"));
          if ((j.dependencies || {}).dockerode) owners.push(j.name);
          if (fs.existsSync(path.join(p, "node_modules"))) walk(path.join(p, "node_modules"));
        }
      }
    };
    walk("node_modules");
    console.log("packages that depend on dockerode:", owners.join(", "));
    if (owners.join() !== "@actorkit/docker") process.exit(1);
  '
}

in_process_only() {
  local dir="$WORK/in-process-only"
  new_project "$dir"
  npm install --no-audit --no-fund "$(tarball @actorkit/api)" "$(tarball @actorkit/runtime)" zod 2>&1 | tee "$WORK/install-3.log"
  npm install --no-audit --no-fund -D "$(tarball @actorkit/testing)" vitest 2>&1 | tee -a "$WORK/install-3.log"
  no_script_warning "$WORK/install-3.log"
  local found
  found=$(npm ls --all --parseable 2>/dev/null | grep -E '/node_modules/(better-sqlite3|koffi|node-unix-socket|node-unix-socket-[^/]*|dockerode|ssh2|cpu-features|esbuild|@actorkit/(emulator|docker|project))$' || true)
  echo "native modules and Docker clients installed: ${found:-none}"
  [ -z "$found" ]
  # and a test in process passes there
  mkdir -p src
  cat >src/echo.ts <<'TS'
import { defineActor } from '@actorkit/runtime';
export default defineActor({ handler: ({ message, log }) => { log(`got ${String(message)}`); return { result: { echoed: message } }; } });
TS
  cat >src/echo.test.ts <<'TS'
import { expect, it } from 'vitest';
import { invoke } from '@actorkit/testing';
import echo from './echo.js';
it('echoes in process', async () => {
  const run = await invoke(echo, { message: 'hi' });
  expect(run.exitCode).toBe(0);
  expect(run.resultsJson()).toEqual([{ echoed: 'hi' }]);
});
TS
  npm pkg set type=module
  npx vitest run
}

init_actor() {
  cd "$APP"
  npx actorkit init
  npm install --no-audit --no-fund 2>&1 | tee "$WORK/install-4.log"
  no_script_warning "$WORK/install-4.log"
  ls -la src
}

run_tests() {
  cd "$APP"
  CI=true NO_COLOR=1 npm test
}

dev_once() {
  cd "$APP"
  # its own emulator on a free port (8000 may be taken on a shared machine), the Docker executor
  npx actorkit dev --once --port 0 --executor docker
}

up_and_curl() {
  cd "$APP"
  local port data token body
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  data="$WORK/up-data"
  # its own process group (npx runs the command as a child): stopping the group stops both
  setsid npx actorkit up --port "$port" --data-dir "$data" >"$WORK/up.log" 2>&1 &
  UP_PID=$!
  for _ in $(seq 1 300); do
    if [ -s "$data/token" ] && curl -fsS -o /dev/null -H "Authorization: Bearer $(cat "$data/token")" "http://127.0.0.1:$port/actors/v2"; then
      break
    fi
    kill -0 "$UP_PID" 2>/dev/null || { cat "$WORK/up.log"; return 1; }
    sleep 0.1
  done
  token=$(cat "$data/token")
  body=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/actors/v2")
  echo "GET http://127.0.0.1:$port/actors/v2 -> $body"
  echo "$body" | grep -q '"status": *"success"'
  kill -TERM -- "-$UP_PID"
  wait "$UP_PID" || true
  for _ in $(seq 1 100); do pgrep -g "$UP_PID" >/dev/null || break; sleep 0.1; done
  if pgrep -g "$UP_PID" >/dev/null; then
    echo "actorkit up did not stop on SIGTERM"
    return 1
  fi
  UP_PID=""
  cat "$WORK/up.log"
}

say "node $(node --version), npm $(npm --version); working in $WORK"
step "pack every published package (npm pack)" pack_all
say "$(ls "$TARBALLS" | tr '\n' ' ')"
step "npm i @actorkit/runtime zod" install_runtime
step "npm i -D actorkit @actorkit/testing vitest" install_cli
step "npm ls dockerode: only under @actorkit/docker" dockerode_only_under_docker
grep -E 'docker|packages that depend on' "$LOG" | sed 's/^/    /'
step "runtime + in-process tier only: no native module, no Docker" in_process_only
grep 'native modules and Docker clients installed' "$LOG" | sed 's/^/    /'
step "npx actorkit init; npm install" init_actor
step "npm test (in process and in a container, CI=true)" run_tests
grep -E 'Tests +[0-9]+ passed' "$LOG" | sed 's/^/    /' || true
step "npx actorkit dev --once (Docker)" dev_once
grep -E 'round 1 (ok|failed)|COMPLETE' "$LOG" | sed 's/^/    /' || true
step "npx actorkit up; curl /actors/v2" up_and_curl
grep -E '^GET ' "$LOG" | cut -c1-160 | sed 's/^/    /'
say "passed in $(elapsed "$STARTED" "$(date +%s.%N)") s"
