#!/usr/bin/env bash
# Regenerates the bundled spoken sample (espeak-ng voice, 16 kHz mono 16-bit WAV).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp --suffix .wav)
espeak-ng -v en-us+m3 -s 130 -w "$tmp" "Just finished the Acme call. Mike needs board approval, budget is 100K, they're also looking at Salesforce, follow up in two weeks."
sox "$tmp" -r 16000 -c 1 -b 16 acme_call.wav
rm -f "$tmp"
