#!/usr/bin/env bash
# Run by `npm test` before the tests (package.json "pretest"): the Debian packages the tests
# drive or read, installed when missing — so that `npm install && npm test` on a fresh Debian
# machine needs no other step. As root with apt-get, it installs them (each only when missing,
# without recommends); otherwise it prints the command to run and goes on, and the tests that
# need a missing browser fail naming the package (none is skipped).
#   firefox-esr                                 Firefox ESR (test/browsers, via puppeteer-core)
#   webkit2gtk-driver libwebkit2gtk-4.1-0       WebKitWebDriver and MiniBrowser (test/browsers)
#   xvfb xauth                                  a display for MiniBrowser (xvfb-run)
#   chromium                                    Debian's Chromium (without it, the one inside
#                                               the npm package @sparticuz/chromium is used)
#   dataset-fashion-mnist                       the any-IDX-data-set tests
set -u
packages=(firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb xauth chromium dataset-fashion-mnist)
command -v dpkg-query >/dev/null 2>&1 || { echo "test prerequisites: not a Debian system; install Firefox ESR, WebKitGTK's WebKitWebDriver and Xvfb yourself (test/browsers/README.md)"; exit 0; }
need=()
for package in "${packages[@]}"; do
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" = installed ] || need+=("$package")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "test prerequisites: missing Debian packages ${need[*]}; install them with:"
  echo "  sudo apt-get install --no-install-recommends ${need[*]}"
  exit 0
fi
echo "test prerequisites: installing ${need[*]} (apt-get, without recommends)"
started=$SECONDS
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || {
  echo "test prerequisites: apt-get could not install ${need[*]}; the tests that need them will fail"
  exit 0
}
echo "test prerequisites: installed in $((SECONDS - started)) s"
