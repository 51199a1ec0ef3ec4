#!/usr/bin/env bash
# Prepares a fresh Debian machine: the browsers the demo and tests drive
# (Debian's Chromium and Firefox ESR — nothing downloads a browser of its own),
# then the project's packages exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROME_PATH:-}" ] || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing+=(firefox-esr)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# A Chinese font, so the Simplified Chinese UI renders as text rather than boxes in the demo and its screenshots.
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then missing+=(fonts-wqy-microhei); fi
if [ ${#missing[@]} -gt 0 ]; then
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y --no-install-recommends "${missing[@]}"
fi

npm ci
