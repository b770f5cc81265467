#!/usr/bin/env bash
# Installs code-server (VS Code in a browser) and playwright-core into
# editors/vscode/e2e/node_modules, from npm only, for tests/editors/test_vscode_extension.py.
#
# code-server's own postinstall downloads ripgrep from GitHub, which this machine
# cannot reach: so the install runs without scripts, Debian's ripgrep stands in for
# the download, and the native modules are built here (node-gyp, Node's headers
# from Debian's nodejs). Needs: build-essential, pkg-config, libkrb5-dev,
# libx11-dev, libxkbfile-dev, libsecret-1-dev, ripgrep (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")"
export npm_config_yes=true  # node-pty's install runs npx node-gyp
quiet() { "$@" >>"$log" 2>&1 || { tail -40 "$log" >&2; exit 1; }; }
log="$PWD/install.log"
: >"$log"

quiet npm ci --ignore-scripts --no-audit --no-fund
quiet npm rebuild argon2
cd node_modules/code-server/lib/vscode
# As code-server's postinstall does (its shrinkwrap is not in sync for npm ci).
quiet npm install --omit=dev --ignore-scripts --no-audit --no-fund
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
quiet npm rebuild kerberos @parcel/watcher @vscode/deviceid @vscode/spdlog native-watchdog node-pty
# What code-server's postinstall.sh does after installing.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
cd extensions
quiet npm install --omit=dev --no-audit --no-fund
echo "code-server $(node -p "require('../../../package.json').version") installed in $(dirname "$log")"
