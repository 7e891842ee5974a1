#!/usr/bin/env bash
# End to end, as a person would: start the studio under Xvfb against the local fake server, type
# a prompt, press Ctrl+Return, and check that the image lands in the library folder with its
# recipe and in the library index. Then four streamed images at once: four cells in the canvas
# (counted on the screen by atelier-screen-regions), one opened full-window with Enter, Right to
# the next, Esc back to the four; and an image refined twice in the Refine thread. Usage: tests/e2e/studio_e2e.sh [BUILD_DIR] [SCREENSHOT.png]
# (the second run's screenshots go beside it: NAME-grid.png, NAME-viewer.png, NAME-refine.png).
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

# What every session starts with: the environment; start_studio NAME, which starts the studio
# (its output in NAME.log), waits for its window and focuses it (\$app, \$window); and
# stop_studio [SHOT.png], which ends it, after a screenshot to SHOT.png when one is named.
cat >"$work/start.sh" <<START
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_RUNTIME_DIR="$work/runtime"
export OPENAI_BASE_URL="http://127.0.0.1:$port/v1" OPENAI_API_KEY="sk-e2e-not-a-secret"
mkdir -p "\$XDG_RUNTIME_DIR" && chmod 700 "\$XDG_RUNTIME_DIR"
start_studio() {
    "$build/ui/atelier" >"$work/\$1.log" 2>&1 &
    app=\$!
    window=""
    for _ in \$(seq 100); do
        window=\$(xdotool search --name '^Atelier' 2>/dev/null | head -n 1 || true)
        [ -n "\$window" ] && break
        sleep 0.1
    done
    [ -n "\$window" ] || { echo "studio_e2e: the window did not appear" >&2; cat "$work/\$1.log" >&2; exit 1; }
    sleep 0.5
    xdotool windowfocus "\$window" 2>/dev/null || true
}
stop_studio() {
    if [ -n "\${1:-}" ] && command -v import >/dev/null; then import -window root "\$1"; fi
    kill \$app
    wait \$app || true
}
START
# Runs the session NAME.sh on a screen of its own.
run_session() { xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/$1.sh"; }

cat >"$work/session.sh" <<SESSION
set -euo pipefail
. "$work/start.sh"
start_studio atelier
xdotool type --delay 10 "A lighthouse at dusk, end to end"
xdotool key ctrl+Return
for _ in \$(seq 200); do
    ls "\$HOME"/Pictures/Atelier/*/*.png >/dev/null 2>&1 && break
    sleep 0.1
done
sleep 0.5
stop_studio "$screenshot"
SESSION
run_session session

library="$work/home/Pictures/Atelier"
images=( "$library"/*/*.png )
[ -f "${images[0]}" ] || { echo "studio_e2e: no image in $library" >&2; exit 1; }
recipe="${images[0]%.png}.json"
grep -q "A lighthouse at dusk, end to end" "$recipe" || { echo "studio_e2e: the recipe lacks the prompt" >&2; exit 1; }
rows="$(sqlite3 "$library/library.sqlite3" "SELECT COUNT(*) FROM images WHERE prompt = 'A lighthouse at dusk, end to end'")"
[ "$rows" = "1" ] || { echo "studio_e2e: the library index has $rows rows for the prompt" >&2; exit 1; }

# Four streamed images of one Generate: the studio sends four one-image streams and shows them
# side by side, each streaming its own partials.
cat >"$work/config/Atelier/Atelier.conf" <<'CONF'
[parameters]
last="{\"endpoint\":\"generations\",\"model\":\"gpt-image-2.6-flare\",\"options\":{\"stream\":true,\"partial_images\":2,\"n\":4}}"
CONF
shots="${screenshot%.png}"
regions="$build/tests/atelier-screen-regions"
cat >"$work/grid.sh" <<SESSION
set -euo pipefail
. "$work/start.sh"
start_studio atelier-grid
fail() { echo "studio_e2e: \$1" >&2; cat "$work/regions.out" >&2 2>/dev/null || true; kill \$app; exit 1; }
# The images on the screen now, counted (and the screenshot kept when asked for).
count_images() {
    "$regions" --grab "$work/\$1.png" >"$work/regions.out"
    if [ -n "$screenshot" ]; then cp "$work/\$1.png" "$shots-\$1.png"; fi
    awk '/^regions/ {print \$2}' "$work/regions.out"
}
# Waits until count_images counts \$2 images (the viewer and the grid take a moment to paint).
expect() {
    for _ in \$(seq 30); do [ "\$(count_images "\$1")" = "\$2" ] && return 0; sleep 0.2; done
    fail "\$3: \$(count_images "\$1") images on the screen, not \$2"
}
xdotool type --delay 10 "Four lanterns, end to end"
xdotool key ctrl+Return
for _ in \$(seq 300); do
    count=\$(sqlite3 "\$HOME/Pictures/Atelier/library.sqlite3" "SELECT COUNT(*) FROM images WHERE prompt = 'Four lanterns, end to end'" 2>/dev/null || echo 0)
    [ "\$count" = "4" ] && break
    sleep 0.1
done
[ "\$count" = "4" ] || fail "the four images did not reach the library (\$count)"
expect grid 4 "the four images are not side by side in the canvas"
# Click the first cell (the largest regions come first; the canvas's are the large ones), open it
# full-window with Enter, go to the next image, come back with Esc.
read -r x y w h < <(awk '/^region/ {print \$2, \$3, \$4, \$5; exit}' "$work/regions.out")
xdotool mousemove \$((x + w / 2)) \$((y + h / 2)) click 1
sleep 0.3
xdotool key Return
expect viewer 1 "Enter did not open the image full-window"
xdotool key Right
sleep 0.3
expect viewer-next 1 "Right left the full-window viewer"
# The next image's caption and place ("2 / 5") are not the first one's.
cmp -s "$work/viewer.png" "$work/viewer-next.png" && fail "Right did not go to the next image"
xdotool key Escape
expect back 4 "Esc did not come back to the four images"
stop_studio
SESSION
run_session grid
for image in "$library"/*/*.png; do
    [ -f "${image%.png}.json" ] || { echo "studio_e2e: $image has no recipe" >&2; exit 1; }
done

# Refine twice: the newest image chosen in the gallery (F6 to it, Home), Ctrl+R opens the
# Refine thread with its instruction field focused, two turns typed and sent with Enter. Each
# turn's image lands in the library as the child of the image it refined, the second continuing
# the first's conversation.
cat >"$work/refine.sh" <<SESSION
set -euo pipefail
. "$work/start.sh"
start_studio atelier-refine
fail() { echo "studio_e2e: \$1" >&2; cat "$work/atelier-refine.log" >&2; kill \$app; exit 1; }
refined() { sqlite3 "\$HOME/Pictures/Atelier/library.sqlite3" "SELECT COUNT(*) FROM images WHERE edit LIKE '%refine%'" 2>/dev/null || echo 0; }
# Ctrl+R refines the image on the canvas: the gallery's Home shows it there first (waited for,
# as the gallery fills and the canvas paints a moment after the window appears).
shown=0
for attempt in 1 2 3; do
    xdotool mousemove 200 150 click 1 # the prompt: where F6 starts going round the panes
    sleep 0.2
    xdotool key F6 F6 F6
    sleep 0.2
    xdotool key Home
    for _ in \$(seq 20); do
        shown=\$("$regions" --grab "$work/refine-start.png" | awk '/^regions/ {print \$2}')
        [ "\$shown" = 1 ] && break 2
        sleep 0.2
    done
done
[ "\$shown" = 1 ] || fail "Home in the gallery did not show its image on the canvas (\$shown)"
xdotool key ctrl+r
sleep 0.5
for turn in 1 2; do
    if [ \$turn = 1 ]; then xdotool type --delay 10 "add a red boat"; else xdotool type --delay 10 "now make it night"; fi
    xdotool key Return
    for _ in \$(seq 300); do [ "\$(refined)" = "\$turn" ] && break; sleep 0.1; done
    [ "\$(refined)" = "\$turn" ] || fail "turn \$turn did not reach the library (\$(refined))"
    sleep 0.5
done
stop_studio "${screenshot:+$shots-refine.png}"
SESSION
run_session refine
index="$library/library.sqlite3"
first="$(sqlite3 "$index" "SELECT id FROM images WHERE prompt = 'add a red boat'")"
second_parent="$(sqlite3 "$index" "SELECT parent_id FROM images WHERE prompt = 'now make it night'")"
[ -n "$first" ] && [ "$second_parent" = "$first" ] || { echo "studio_e2e: the second turn's parent is '$second_parent', not the first turn's image '$first'" >&2; exit 1; }
first_parent="$(sqlite3 "$index" "SELECT parent_id FROM images WHERE id = $first")"
[ -n "$first_parent" ] || { echo "studio_e2e: the first turn has no parent" >&2; exit 1; }
second_recipe="$(sqlite3 "$index" "SELECT path FROM images WHERE prompt = 'now make it night'")"
grep -q '"previous_response_id"' "$library/${second_recipe%.png}.json" || { echo "studio_e2e: the second turn did not continue the first's conversation" >&2; exit 1; }

if grep -rq "sk-e2e-not-a-secret" "$library" "$work/config"; then
    echo "studio_e2e: the API key was written to disk" >&2; exit 1
fi
echo "studio_e2e: 3 passed, 0 failed"
