#!/bin/sh
# Download every wheel the app needs for one target into dist/wheelhouse-<target>/ (offline install).
set -e
target="${1:-current}"
case "$target" in
  uos-x86_64)   plat="--platform manylinux_2_28_x86_64"; pin="PySide6-Essentials==6.9.3" ;;
  kylin-arm64)  plat="--platform manylinux_2_31_aarch64"; pin="PySide6-Essentials==6.7.3" ;;
  windows)      plat="--platform win_amd64"; pin="PySide6-Essentials" ;;
  current)      plat=""; pin="PySide6-Essentials" ;;
  *) echo "未知目标 $target（可用：uos-x86_64 kylin-arm64 windows current）" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
out="dist/wheelhouse-$target"
mkdir -p "$out"
python3 -m pip wheel --no-deps -w "$out" .
# shellcheck disable=SC2086
python3 -m pip download -d "$out" --only-binary=:all: --python-version 3.11 $plat \
  "$pin" "sqlite-utils>=3.37" "openpyxl>=3.1" "reportlab>=4.0" "segno>=1.5"
cat > "$out/install.sh" <<'INNER'
#!/bin/sh
set -e
here="$(cd "$(dirname "$0")" && pwd)"
python3 -m venv "$HOME/.local/share/selfeval-desktop/venv"
"$HOME/.local/share/selfeval-desktop/venv/bin/pip" install --no-index --find-links "$here" selfeval-desktop
echo "安装完成：$HOME/.local/share/selfeval-desktop/venv/bin/selfeval-desktop"
INNER
chmod +x "$out/install.sh"
echo "已生成 $out"
