#!/usr/bin/env bash
# The Batch API's scale targets (issue "Large runs through OpenAI's Batch API"): a submit of
# 1,000 prompts writes its JSONL without holding every body at once, and a fetch of 1,000
# results, each output line a multi-megabyte base64 image, streams the output file line by line
# to disk with peak memory <= 100 MB. Runs atelier-cli against the local fake server (which
# validates every line and generates the output file as it sends it) and prints wall time and
# peak resident memory (GNU time) of a 1-prompt and a 1,000-prompt submit and fetch.
# Needs GNU time. Usage: tests/benchmarks/batch_memory.sh [build dir] [prompts] [image WxH]
set -euo pipefail
build=$(realpath "${1:-build/dev}")
count=${2:-1000}
size=${3:-1024x1024}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
# Noise images: PNGs that do not compress, about 2.3 MB each at 1024x1024 (3 MB of base64).
"$build/tests/atelier-fake-server" --port "$port" --image-size "$size" --noise >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q listening "$work/server.log" 2>/dev/null && break; sleep 0.1; done
export OPENAI_BASE_URL="http://127.0.0.1:$port/v1" OPENAI_API_KEY=sk-benchmark
export XDG_CONFIG_HOME="$work/config" HOME="$work"
unset DBUS_SESSION_BUS_ADDRESS
cli="$build/app/cli/atelier-cli"

measure() { # label, command...: prints "label: seconds s, peak MB"
    local label=$1
    shift
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" >"$work/stdout" 2>"$work/stderr" || true
    end=$(date +%s.%N)
    printf '%-28s %6.2f s  peak %4d MB\n' "$label" "$(echo "$end - $start" | bc)" $(($(tail -1 "$work/rss") / 1024))
}

run() { # prompts: submit, wait until completed, fetch
    local n=$1
    : >"$work/prompts-$n.txt"
    for i in $(seq 1 "$n"); do echo "benchmark prompt number $i, a lighthouse at dusk" >>"$work/prompts-$n.txt"; done
    measure "submit $n prompts" "$cli" batch submit --prompts "$work/prompts-$n.txt"
    local id
    id=$(tail -1 "$work/stdout")
    for _ in 1 2 3 4; do "$cli" batch status "$id" >/dev/null; done
    measure "fetch $n results" "$cli" batch fetch "$id" --out "$work/out-$n"
    grep -c . "$work/stdout" | xargs printf '    %s images saved, '
    du -sm "$work/out-$n" | cut -f1 | xargs printf '%s MB on disk\n'
    rm -rf "$work/out-$n"
}

echo "fake server images: $size noise PNG, $(("$count")) prompts"
run 1
run "$count"
