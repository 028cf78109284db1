#!/bin/sh
# Regenerates docs/console.png, the README's picture of the web console, from a running demo gateway
# (./mvnw spring-boot:run). Needs curl and a headless Chromium (Debian/Ubuntu: apt-get install -y chromium).
#
#   export MIPGATE_KEY=mipdemo_...      # the key the demo printed at start-up
#   docs/screenshot.sh                  # or: docs/screenshot.sh http://localhost:8080 docs/console.png
#
# The key reaches the page in the URL fragment (#key=...), which browsers never send to the server; the console
# moves it into the tab's sessionStorage and removes it from the address at once. The demo's key is generated per run
# and never stored, so nothing secret ends up in the picture or the repository.
set -eu

BASE=${1:-http://localhost:8080}
OUT=${2:-docs/console.png}
MODULE=${MODULE:-emu-ml307r}
CHROMIUM=${CHROMIUM:-chromium}
: "${MIPGATE_KEY:?export MIPGATE_KEY=... as the demo printed it at start-up}"

H="X-API-Key: $MIPGATE_KEY"
M="$BASE/api/v1/modules/$MODULE"
ECHO_PORT=$(curl -sf -H "$H" "$BASE/actuator/info" | sed -n 's/.*"echoTcp":"127\.0\.0\.1:\([0-9]*\)".*/\1/p')

# something to show: a connection to the demo's echo service with a few bytes through it, and fresh cellular status
curl -s -o /dev/null -H "$H" -H 'Content-Type: application/json' \
     -d "{\"protocol\":\"TCP\",\"host\":\"127.0.0.1\",\"port\":${ECHO_PORT:-7007},\"connectId\":0}" "$M/connections"
for _ in 1 2 3; do
    curl -s -o /dev/null -H "$H" -H 'Content-Type: application/json' -d '{"data":"hello"}' "$M/connections/0/send"
done
curl -s -o /dev/null -X POST -H "$H" "$M/cellular/refresh"

# --virtual-time-budget lets the page's requests and its 2 s refresh finish before the picture is taken
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=8000 \
    --window-size=1280,1060 --screenshot="$OUT" "$BASE/console/index.html#key=$MIPGATE_KEY&module=$MODULE" \
    2>/dev/null
ls -l "$OUT"
