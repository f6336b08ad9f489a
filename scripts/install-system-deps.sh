#!/usr/bin/env bash
# Debian packages Kenesshi uses when present: Tesseract OCR with Russian and Kazakh (scanned complaints)
# and LibreOffice Writer (legacy .doc files). Installs what is missing when it can (root or password-less
# sudo). Without them the app still runs: scans get the error "needs_ocr", .doc files "legacy_doc".
# With KENESSHI_REQUIRE_SYSTEM_DEPS=1 (CI) a failure to install is fatal.
set -u
PACKAGES="tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz libreoffice-writer-nogui"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "system packages: all present ($PACKAGES)"
  exit 0
fi
fail() {
  echo "system packages missing:$missing — $1" >&2
  echo "install them with: sudo apt-get install -y$missing" >&2
  if [ "${KENESSHI_REQUIRE_SYSTEM_DEPS:-0}" = "1" ]; then exit 1; fi
  exit 0
}
command -v apt-get >/dev/null 2>&1 || fail "apt-get not found"
if [ "$(id -u)" = "0" ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else fail "not root"; fi
export DEBIAN_FRONTEND=noninteractive
echo "installing system packages:$missing"
$SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 \
  || { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null; } \
  || fail "apt-get failed"
echo "system packages installed:$missing"
