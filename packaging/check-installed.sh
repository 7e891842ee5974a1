#!/usr/bin/env bash
# Checks an installed Atelier package the way a user meets it: the programs on PATH answer,
# the desktop files are in place and valid, and the studio starts on the offscreen platform and
# exits cleanly when the session ends (SIGTERM). Run after `apt-get install ./atelier_*.deb`.
set -euo pipefail

fail() { echo "check-installed: $*" >&2; exit 1; }

command -v atelier >/dev/null || fail "atelier is not on PATH"
command -v atelier-cli >/dev/null || fail "atelier-cli is not on PATH"
[ "$(command -v atelier)" = /usr/bin/atelier ] || fail "atelier is not the packaged /usr/bin/atelier"

echo "atelier-cli --version: $(atelier-cli --version)"
echo "atelier --version:     $(env -u DISPLAY -u WAYLAND_DISPLAY atelier --version)"

app_id=io.github.atelier_studio.Atelier
for file in /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml \
            /usr/share/icons/hicolor/scalable/apps/$app_id.svg /usr/share/icons/hicolor/256x256/apps/$app_id.png \
            /usr/share/man/man1/atelier-cli.1.gz /usr/share/man/man1/atelier.1.gz; do
    [ -s "$file" ] || fail "$file is missing"
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/$app_id.desktop
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/$app_id.metainfo.xml >/dev/null
fi

# The studio, started as a desktop would, with a fresh home and no key (the welcome dialog).
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    atelier >"$home/atelier.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
    [ -f "$home/Pictures/Atelier/library.sqlite3" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$home/atelier.log" >&2; fail "atelier exited during start"; }
    sleep 0.1
done
[ -f "$home/Pictures/Atelier/library.sqlite3" ] || { cat "$home/atelier.log" >&2; fail "atelier did not open its library"; }
sleep 1 # let the window come up
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] || { cat "$home/atelier.log" >&2; fail "atelier exited with $status after SIGTERM"; }
grep -q "window/geometry\|\[window\]" "$home/.config/Atelier/Atelier.conf" \
    || fail "atelier did not save its settings on the way out"
if grep -qi "could not load\|cannot load\|QSqlDatabase: .* not loaded" "$home/atelier.log"; then
    cat "$home/atelier.log" >&2
    fail "atelier reported a missing plugin"
fi
echo "check-installed: the installed studio started and quit cleanly"
