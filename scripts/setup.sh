#!/usr/bin/env bash
# Set up everything RefundHelper needs, from nothing, and do nothing that is already done.
# Usage: scripts/setup.sh [runtime|dev]
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-dev}"
PYTHON="${PYTHON:-python3.11}"
# Pango and HarfBuzz-subset render the PDF (without HarfBuzz-subset a page of Chinese takes
# ~4 s), fonts-noto-cjk prints Chinese, fontconfig finds it, gettext compiles translations.
SYSTEM_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fontconfig gettext)
# The screenshot reader's OpenCV (pulled in by rapidocr-onnxruntime) links libGL and GLib.
SYSTEM_PACKAGES+=(libgl1 libglib2.0-0)
# The browser tests drive Debian's Chromium (/usr/bin/chromium); Playwright downloads nothing.
if [ "$profile" = dev ]; then
  SYSTEM_PACKAGES+=(chromium)
fi

missing=()
if command -v dpkg >/dev/null 2>&1; then
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing system packages; install them as root, then run make again: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  PYTHON=python3
fi
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi

requirements=requirements.txt
[ "$profile" = dev ] && requirements=requirements-dev.txt
stamp=".venv/.installed-$profile-$(cat requirements.txt "$requirements" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "Installing Python packages from $requirements"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi

mkdir -p var
.venv/bin/python manage.py compilemessages --ignore=.venv --verbosity=0
