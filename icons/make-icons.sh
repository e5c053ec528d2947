#!/usr/bin/env bash
# Writes every icon size from loupe.svg. Needs librsvg2-bin (rsvg-convert), imagemagick (ICO) and
# icnsutils (png2icns): apt-get install librsvg2-bin imagemagick icnsutils. The outputs are committed,
# so building Loupe does not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" loupe.svg -o "loupe-$s.png"
done
/usr/bin/convert loupe-16.png loupe-24.png loupe-32.png loupe-48.png loupe-64.png loupe-256.png loupe.ico
png2icns loupe.icns loupe-16.png loupe-32.png loupe-128.png loupe-256.png loupe-512.png loupe-1024.png >/dev/null
