#!/usr/bin/env bash
# End to end, as a person would: start the studio under Xvfb against the local fake server, type
# a prompt, press Ctrl+Return, and check that the image lands in the library folder with its
# recipe and in the library index. Usage: tests/e2e/studio_e2e.sh [BUILD_DIR] [SCREENSHOT.png]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$root/build/dev}"
screenshot="${2:-}"
for tool in xvfb-run xdotool sqlite3; do
    command -v "$tool" >/dev/null || { echo "studio_e2e: $tool is missing (apt-get install xvfb xdotool sqlite3)" >&2; exit 2; }
done
work="$(mktemp -d)"
cleanup() { kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$build/tests/atelier-fake-server" --event-delay-ms 100 >"$work/server.out" &
server_pid=$!
for _ in $(seq 50); do grep -q listening "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port="$(awk '{print $3}' "$work/server.out")"

mkdir -p "$work/home" "$work/config/Atelier"
# Start with streaming on, so the run shows partial images too.
cat >"$work/config/Atelier/Atelier.conf" <<'CONF'
[parameters]
last="{\"endpoint\":\"generations\",\"model\":\"gpt-image-2.6-flare\",\"options\":{\"stream\":true,\"partial_images\":2}}"
CONF

cat >"$work/session.sh" <<SESSION
set -euo pipefail
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work/runtime"
export OPENAI_BASE_URL="http://127.0.0.1:$port/v1" OPENAI_API_KEY="sk-e2e-not-a-secret"
mkdir -p "\$XDG_RUNTIME_DIR" && chmod 700 "\$XDG_RUNTIME_DIR"
"$build/ui/atelier" >"$work/atelier.log" 2>&1 &
app=\$!
window=""
for _ in \$(seq 100); do
    window=\$(xdotool search --name '^Atelier' 2>/dev/null | head -n 1 || true)
    [ -n "\$window" ] && break
    sleep 0.1
done
[ -n "\$window" ] || { echo "studio_e2e: the window did not appear" >&2; cat "$work/atelier.log" >&2; exit 1; }
sleep 0.5
xdotool windowfocus "\$window" 2>/dev/null || true
xdotool type --delay 10 "A lighthouse at dusk, end to end"
xdotool key ctrl+Return
for _ in \$(seq 200); do
    ls "\$HOME"/Pictures/Atelier/*/*.png >/dev/null 2>&1 && break
    sleep 0.1
done
sleep 0.5
if [ -n "$screenshot" ] && command -v import >/dev/null; then import -window root "$screenshot"; fi
kill \$app
wait \$app || true
SESSION
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/session.sh"

library="$work/home/Pictures/Atelier"
images=( "$library"/*/*.png )
[ -f "${images[0]}" ] || { echo "studio_e2e: no image in $library" >&2; exit 1; }
recipe="${images[0]%.png}.json"
grep -q "A lighthouse at dusk, end to end" "$recipe" || { echo "studio_e2e: the recipe lacks the prompt" >&2; exit 1; }
rows="$(sqlite3 "$library/library.sqlite3" "SELECT COUNT(*) FROM images WHERE prompt = 'A lighthouse at dusk, end to end'")"
[ "$rows" = "1" ] || { echo "studio_e2e: the library index has $rows rows for the prompt" >&2; exit 1; }
if grep -rq "sk-e2e-not-a-secret" "$library" "$work/config"; then
    echo "studio_e2e: the API key was written to disk" >&2; exit 1
fi
echo "studio_e2e: 1 passed, 0 failed"
