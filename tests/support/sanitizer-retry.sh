#!/bin/sh
# Runs one test program under the sanitizers. LeakSanitizer's own tracer sometimes crashes at
# exit on a loaded machine ("Tracer caught signal 11", google/sanitizers#1353): that is not a
# finding about our code, so that case alone is run once more. Every other failure, a leak
# report included, fails as it is.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" >"$log" 2>&1
status=$?
if [ "$status" -ne 0 ] && grep -q "Tracer caught signal" "$log" && grep -q "LeakSanitizer has encountered a fatal error" "$log"; then
    cat "$log"
    echo "sanitizer-retry: LeakSanitizer's tracer crashed (not a leak); running the test once more"
    "$@" >"$log" 2>&1
    status=$?
fi
cat "$log"
exit "$status"
