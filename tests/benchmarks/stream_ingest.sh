#!/usr/bin/env bash
# Benchmark: ingest of one streamed generation (3 partial images + the final one at 1536x1024,
# about 19 MB of SSE) from the local fake server. Prints whole-process wall time and peak
# resident memory of atelier-cli beside the official Node SDK doing the same work and curl
# merely moving the bytes to /dev/null, in alternating runs; and two floors (stream_floor.cpp):
# Qt's network stack reading the stream and throwing it away, and the same writing the image-sized
# share of the bytes to four files. Not a pass/fail test.
#
# Usage: tests/benchmarks/stream_ingest.sh [BUILD_DIR] [RUNS] [paced|burst]
#   BUILD_DIR defaults to build/release (configure and build it with the release preset plus
#   -DATELIER_BUILD_TESTS=ON, or pass build/dev). RUNS defaults to 15.
#   paced (the default): the fake server writes the stream event by event. burst: it writes the
#   whole body in one go (--burst), as a fast link behind a buffering proxy delivers it.
#   CLI=PATH (environment) measures that atelier-cli instead of the one in BUILD_DIR.
#   TOOLS="curl cli" (environment) measures only those tools (default: curl cli sdk qt qtdisk).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build/release}"
runs="${2:-15}"
mode="${3:-paced}"
case $mode in paced) server_mode=() ;; burst) server_mode=(--burst) ;;
    *) echo "mode must be paced or burst, not $mode" >&2; exit 2 ;; esac
tools="${TOOLS:-curl cli sdk qt qtdisk}"
case " $tools " in *" curl "*) ;; *) tools="curl $tools" ;; esac # the ratios need curl
cli="${CLI:-$build/app/cli/atelier-cli}" # CLI=... measures another build of it (A/B runs)
server_bin="$build/tests/atelier-fake-server"
floor="$build/tests/benchmarks/stream_floor"
[ -x "$cli" ] && [ -x "$server_bin" ] && [ -x "$floor" ] || { echo "build $build first (atelier-cli, atelier-fake-server, stream_floor)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install time" >&2; exit 2; }
case " $tools " in *" sdk "*)
    command -v node >/dev/null && command -v npm >/dev/null || { echo "install nodejs and npm" >&2; exit 2; } ;;
esac

work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# The SDK, from the npm registry, in a scratch folder (cached between runs).
sdk_dir="$build/benchmark-node"
sdk_version=
case " $tools " in *" sdk "*)
    if [ ! -d "$sdk_dir/node_modules/openai" ]; then
        mkdir -p "$sdk_dir"
        (cd "$sdk_dir" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund openai >/dev/null)
    fi
    cp "$here/sdk_stream.mjs" "$sdk_dir/"
    sdk_version="$(node -p "JSON.parse(require('fs').readFileSync('$sdk_dir/node_modules/openai/package.json')).version")" ;;
esac

"$server_bin" --use-requested-size --noise "${server_mode[@]}" >"$work/server.out" &
server_pid=$!
for _ in $(seq 50); do grep -q listening "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port="$(awk '{print $3}' "$work/server.out")"
base="http://127.0.0.1:$port/v1"
body='{"model":"gpt-image-1.5","prompt":"benchmark","size":"1536x1024","stream":true,"partial_images":3}'

# Warm-up: the server draws and caches the images; measure the stream size.
curl -sS -N -o "$work/stream.sse" -X POST "$base/images/generations" \
    -H 'Content-Type: application/json' -H 'Authorization: Bearer sk-benchmark' -d "$body"
sse_bytes="$(stat -c %s "$work/stream.sse")"

# Each run: the tool itself under GNU time (peak memory), timed with bash's microsecond clock
# (GNU time's own clock has 10 ms steps, a sixth of the whole curl run). The output folder is
# emptied before the clock starts.
export OPENAI_BASE_URL="$base" OPENAI_API_KEY=sk-benchmark
measure() { # tool -> appends "seconds kilobytes" to $work/tool.txt
    local tool=$1 start end
    rm -rf "${work:?}/$tool" && mkdir -p "$work/$tool"
    start=$EPOCHREALTIME
    case $tool in
    curl) /usr/bin/time -f %M -o "$work/$tool.kib" curl -sS -N -o /dev/null -X POST "$base/images/generations" \
              -H 'Content-Type: application/json' -H 'Authorization: Bearer sk-benchmark' -d "$body" ;;
    cli) /usr/bin/time -f %M -o "$work/$tool.kib" "$cli" generate --prompt benchmark --model gpt-image-1.5 \
             --size 1536x1024 --stream --partial-images 3 --out "$work/cli" --name cli >/dev/null 2>&1 ;;
    sdk) /usr/bin/time -f %M -o "$work/$tool.kib" node "$sdk_dir/sdk_stream.mjs" "$base" "$work/sdk" ;;
    qt) /usr/bin/time -f %M -o "$work/$tool.kib" "$floor" "$base" ;;
    qtdisk) /usr/bin/time -f %M -o "$work/$tool.kib" "$floor" "$base" "$work/qtdisk" ;;
    esac
    end=$EPOCHREALTIME
    echo "$(echo "${end/./} - ${start/./}" | bc | awk '{printf "%.6f", $1 / 1e6}') $(cat "$work/$tool.kib")" >> "$work/$tool.txt"
}
for _ in $(seq "$runs"); do
    for tool in $tools; do measure "$tool"; done
done
has() { case " $tools " in *" $1 "*) return 0 ;; esac; return 1; }
! has cli || [ "$(ls "$work/cli" | wc -l)" -eq 4 ] || { echo "atelier-cli did not write 4 images" >&2; exit 1; }
! has sdk || [ "$(ls "$work/sdk" | wc -l)" -eq 4 ] || { echo "the SDK did not write 4 images" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
stat_of() { awk -v c="$2" '{print $c}' "$work/$1.txt" | median; }
printf 'Stream: %s bytes of SSE (3 partials + final, 1536x1024 PNG), %s, %s alternating runs each\n' "$sse_bytes" "$mode" "$runs"
printf '%-22s %12s %16s\n' tool "median s" "median peak MiB"
for tool in $tools; do
    seconds="$(stat_of $tool 1)"; kib="$(stat_of $tool 2)"
    case $tool in
    curl) name="curl > /dev/null" ;; cli) name="atelier-cli" ;; sdk) name="openai (node) $sdk_version" ;;
    qt) name="floor: Qt network" ;; qtdisk) name="floor: Qt + disk" ;;
    esac
    printf '%-22s %12.3f %16.1f\n' "$name" "$seconds" "$(echo "$kib / 1024" | bc -l)"
done
curl_s="$(stat_of curl 1)"
ratio_to_curl() { paste "$work/$1.txt" "$work/curl.txt" | awk '{print $1 / $3}' | median; }
echo
if has cli && has sdk; then
    printf 'atelier-cli / SDK time:  %.2f   (target <= 0.25)\n' "$(echo "$(stat_of cli 1) / $(stat_of sdk 1)" | bc -l)"
fi
if has cli; then
    printf 'atelier-cli / curl time: %.2f   (target <= 1.3; median of the per-round ratios: %.2f)\n' \
        "$(echo "$(stat_of cli 1) / $curl_s" | bc -l)" "$(ratio_to_curl cli)"
fi
if has qt && has qtdisk; then
    printf 'floors / curl time (median of the per-round ratios): Qt network %.2f, Qt network + disk %.2f\n' \
        "$(ratio_to_curl qt)" "$(ratio_to_curl qtdisk)"
fi
if has cli; then
    cli_kib="$(stat_of cli 2)"
    # Paced: at most 48 MiB; burst: at most 32 MiB (the whole stream is at the door at once).
    printf 'atelier-cli peak memory: %.1f MiB (target <= %s)\n' "$(echo "$cli_kib / 1024" | bc -l)" \
        "$([ "$mode" = burst ] && echo 32 || echo 48)"
fi
