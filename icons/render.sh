#!/usr/bin/env bash
# Renders icons/ac1-explorer.svg into every size the installers and the window use:
#   icons/png/ac1-explorer-<N>.png  N = 16 32 48 64 128 256 512   (Linux installer, README)
#   icons/ac1-explorer.ico          16..256, one file             (Windows installer, .exe)
#   icons/ac1-explorer.icns         16..512                       (macOS .app / .dmg)
#   src/main/resources/org/ac1explorer/icons/ac1-explorer-<N>.png  N = 16..256 (window icons)
# Needs Debian's librsvg2-bin (rsvg-convert), icnsutils (png2icns) and imagemagick (convert):
#   apt-get install -y librsvg2-bin icnsutils imagemagick
# The outputs are committed; run this only after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
src=ac1-explorer.svg
res=../src/main/resources/org/ac1explorer/icons
mkdir -p png "$res"
for n in 16 32 48 64 128 256 512; do
    rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$src" --output "png/ac1-explorer-$n.png"
done
for n in 16 32 48 64 128 256; do
    cp "png/ac1-explorer-$n.png" "$res/ac1-explorer-$n.png"
done
# -strip keeps the files reproducible (no timestamps in the PNG chunks ImageMagick writes)
convert png/ac1-explorer-{16,32,48,64,128,256}.png -strip ac1-explorer.ico
png2icns ac1-explorer.icns png/ac1-explorer-{16,32,48,128,256,512}.png >/dev/null
echo "rendered: $(ls png | tr '\n' ' ')ac1-explorer.ico ac1-explorer.icns"
