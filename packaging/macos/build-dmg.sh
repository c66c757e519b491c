#!/usr/bin/env bash
# Builds dist/Consentinel.app (PyInstaller) and dist/Consentinel-<version>.dmg on macOS 11+.
#   bash packaging/macos/build-dmg.sh
# Optional signing and notarization (both needed for Gatekeeper on other Macs):
#   CODESIGN_IDENTITY="Developer ID Application: …"  NOTARY_PROFILE=<notarytool keychain profile>
# NOT tested in CI (CI runs on Linux). See packaging/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[ "$(uname)" = Darwin ] || { echo "This script runs on macOS only." >&2; exit 2; }

venv="$root/.venv-build"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q . pyinstaller

"$venv/bin/pyinstaller" --noconfirm --clean packaging/pyinstaller/consentinel.spec
app="dist/Consentinel.app"
version="$("$app/Contents/MacOS/consentinel" --version | cut -d' ' -f2)"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    # Hardened runtime; the entitlements let Python load its libraries and Node (Playwright's
    # driver) use its JIT.
    codesign --deep --force --options runtime --timestamp \
        --entitlements packaging/macos/entitlements.plist \
        --sign "$CODESIGN_IDENTITY" "$app"
    codesign --verify --deep --strict "$app"
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg="dist/Consentinel-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "Consentinel" -srcfolder "$staging" -ov -format UDZO "$dmg"

if [ -n "${CODESIGN_IDENTITY:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
    codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$dmg"
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
fi
echo "Built $dmg"
