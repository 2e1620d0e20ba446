#!/bin/sh
# Debian/Ubuntu packages the app needs (Qt's libraries, a CJK screen font, python3-venv).
# With --test also what the tests use: poppler-utils (pdftotext/pdffonts/pdftoppm), Xvfb and
# LibreOffice Calc (to read exported workbooks as a user's spreadsheet would).
set -e
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
PKGS="python3-venv libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-wqy-microhei"
if [ "$1" = "--test" ]; then
  PKGS="$PKGS poppler-utils xvfb xauth libreoffice-calc-nogui"
fi
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
