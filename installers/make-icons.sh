#!/usr/bin/env bash
# Regenerates the installer icons from assets/logo.svg. The results are committed, so building an
# installer needs no image tools; run this only when the artwork changes, then commit the icons.
#
# Needs (Debian): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
#   apt-get install -y librsvg2-bin imagemagick icnsutils
#
# Makes:
#   installers/linux/spine-console.png      256x256, the .deb's icon (jpackage --icon)
#   installers/linux/spine-console-512.png  512x512, for high-DPI launchers and app stores
#   installers/windows/spine-console.ico    16, 20, 24, 32, 40, 48, 64, 128, 256 in one file
#   installers/macos/spine-console.icns     16, 32, 128, 256, 512 and 1024 (the retina 512@2x)
#
# Each size is rendered from the SVG itself (not scaled down from a big PNG), so small sizes stay sharp.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
svg="$root/assets/logo.svg"

for tool in rsvg-convert convert png2icns; do
    command -v "$tool" >/dev/null || {
        echo "make-icons: '$tool' is missing; apt-get install -y librsvg2-bin imagemagick icnsutils" >&2
        exit 1
    }
done
[ -f "$svg" ] || { echo "make-icons: $svg not found" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

render() { # size -> $work/N.png, 32-bit RGBA, no metadata (so the output is reproducible)
    rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio --format png "$svg" -o "$work/raw-$1.png"
    convert "$work/raw-$1.png" -strip -define png:color-type=6 -define png:exclude-chunks=date,time "$work/$1.png"
}
for size in 16 20 24 32 40 48 64 128 256 512 1024; do
    render "$size"
done

# Linux
cp "$work/256.png" "$here/linux/spine-console.png"
cp "$work/512.png" "$here/linux/spine-console-512.png"

# Windows: one .ico with every size Explorer and the taskbar ask for; 256 is stored as PNG.
convert "$work"/{16,20,24,32,40,48,64,128,256}.png "$here/windows/spine-console.ico"

# macOS: png2icns picks the icon type from each PNG's size (1024 becomes the 512@2x slot).
png2icns "$here/macos/spine-console.icns" "$work"/{16,32,128,256,512,1024}.png >/dev/null

ls -l "$here/linux/spine-console.png" "$here/linux/spine-console-512.png" \
      "$here/windows/spine-console.ico" "$here/macos/spine-console.icns"
