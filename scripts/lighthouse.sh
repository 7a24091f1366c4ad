#!/usr/bin/env bash
# Mobile Lighthouse (performance) on the dashboard's sign-in, overview and assets
# pages, signed in as the demo owner, against a running production server:
#
#   pnpm build && pnpm db:seed && pnpm start        (or any DATABASE_URL)
#   scripts/lighthouse.sh [base-url]                (default http://localhost:3000)
#
# Lighthouse's default mobile run: a Moto G Power-sized screen, simulated slow 4G
# and a 4× slower CPU. It prints each page's score, FCP, LCP, TBT and CLS; issue
# #17's targets are a score of 90 or more and CLS ≤ 0.05. LIGHTHOUSE_EMAIL and
# LIGHTHOUSE_PASSWORD sign in as someone else. Lighthouse comes from npm (npx),
# and Chromium from CHROME_PATH (default /usr/bin/chromium).
set -euo pipefail
BASE="${1:-http://localhost:3000}"
EMAIL="${LIGHTHOUSE_EMAIL:-demo@tenantry.dev}"
PASSWORD="${LIGHTHOUSE_PASSWORD:-tenantry-demo}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

cookie="$(curl -fsS -D - -o /dev/null -X POST "$BASE/api/auth/sign-in/email" \
  -H 'content-type: application/json' -H "origin: $BASE" \
  --data "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" |
  tr -d '\r' | sed -n 's/^set-cookie: \([^;]*\).*/\1/Ip' | head -n 1)"
if [ -z "$cookie" ]; then
  echo "sign-in as $EMAIL failed at $BASE" >&2
  exit 1
fi

for path in /sign-in / /assets; do
  name="$(echo "${path#/}" | tr -c 'a-z\n' '-')"
  npx -y lighthouse@12 "$BASE$path" --quiet --only-categories=performance \
    --chrome-flags='--headless=new --no-sandbox' \
    --extra-headers="{\"Cookie\":\"$cookie\"}" \
    --output=json --output-path="$OUT/${name:-overview}.json" >/dev/null 2>&1 || true
  node -e '
    const [file, path] = process.argv.slice(1);
    const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
    if (r.runtimeError) { console.log(`${path}: ${r.runtimeError.code}`); process.exit(); }
    const a = (k) => r.audits[k].displayValue;
    console.log(`${path}: score ${Math.round(r.categories.performance.score * 100)}, FCP ${a("first-contentful-paint")}, ` +
      `LCP ${a("largest-contentful-paint")}, TBT ${a("total-blocking-time")}, CLS ${a("cumulative-layout-shift")}`);
  ' "$OUT/${name:-overview}.json" "$path"
done
