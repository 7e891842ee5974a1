#!/usr/bin/env bash
# Issue 4 target: sending an edit with 16 references of 20 MB each grows peak resident memory
# by at most 64 MB. Compares atelier-cli's peak RSS for one 64x64 reference and for 16 x 20 MB
# references, both sent to the local fake server (which validates every multipart request).
# Needs imagemagick (convert) and GNU time. Usage: tests/benchmarks/upload_memory.sh [build dir]
set -euo pipefail
build=${1:-build/dev}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
convert -size 2600x2600 xc: +noise Random -depth 8 "$work/big.png" # about 20 MB
convert -size 64x64 xc:red "$work/small.png"
references=()
for i in $(seq 1 16); do
    cp "$work/big.png" "$work/ref$i.png"
    references+=(--image "$work/ref$i.png")
done
port=$((20000 + RANDOM % 20000))
"$build/tests/atelier-fake-server" --port "$port" >"$work/server.log" 2>&1 &
server=$!
sleep 1
export OPENAI_BASE_URL="http://127.0.0.1:$port/v1" OPENAI_API_KEY=sk-benchmark
peak() { /usr/bin/time -f %M "$build/app/cli/atelier-cli" edit --prompt "benchmark" --out "$work/out" "$@" 2>&1 >/dev/null | tail -1; }
mkdir -p "$work/out"
small=$(peak --image "$work/small.png")
large=$(peak "${references[@]}")
echo "total upload: $(( $(stat -c %s "$work/big.png") * 16 / 1048576 )) MB in 16 files"
echo "peak RSS, one 64x64 reference: $((small / 1024)) MB"
echo "peak RSS, 16 x 20 MB references: $((large / 1024)) MB"
echo "growth: $(((large - small) / 1024)) MB (target <= 64 MB)"
