#!/usr/bin/env bash
# Installs a real VS Code (code-server = VS Code 1.100.3 server + web workbench) and headless Chromium
# for the integration tests, on a machine that reaches only the npm registry and Debian's packages.
# Steps and reasons: shared/VSCODE-HOST.md. Idempotent: a marker file skips the work once done.
#
#   bash scripts/install-vscode-host.sh            # install into .cache/vscode-host (git-ignored)
#   PLAN_VSCODE_HOST_DIR=/some/dir bash scripts/install-vscode-host.sh
#   bash scripts/install-vscode-host.sh --browser-only   # only the Debian packages (Chromium for test:e2e)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# poppler-utils: pdftotext reads back the PDFs the browser tests print (the steering report, the roadmap).
# tj3: TaskJuggler schedules our tjp export and writes the MSPDI the import tests read (test/cli/interop.test.ts).
# neovim: its built-in LSP client drives the language server in test:lsp (test/lsp/nvim.test.ts);
# emacs-nox and elpa-eglot: Emacs's eglot drives it too (test/lsp/emacs.test.ts).
# git: the history tests make repositories (diff, trend, compare in VS Code and in the language server).
# bsdutils: util-linux's script gives the CLI a terminal in test/cli/colour.test.ts (essential in Debian; named to be sure).
APT_PACKAGES=(chromium ripgrep libkrb5-dev poppler-utils tj3 neovim emacs-nox elpa-eglot git bsdutils)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
host_dir="${PLAN_VSCODE_HOST_DIR:-$repo_root/.cache/vscode-host}"
marker="$host_dir/.installed-code-server-$CODE_SERVER_VERSION"
started=$SECONDS

log() { printf '[install-vscode-host] %s\n' "$*"; }

# Root runs apt-get itself; anyone else needs sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_debian_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    # dpkg-query is instant, so this check runs every time; apt-get update only when something is missing.
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  # Native modules (argon2, node-pty, kerberos…) are compiled by node-gyp.
  command -v make >/dev/null || missing+=(make)
  command -v g++ >/dev/null || missing+=(g++)
  command -v python3 >/dev/null || missing+=(python3)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

install_debian_packages
if [ "${1:-}" = "--browser-only" ]; then
  exit 0
fi

if [ -f "$marker" ] && [ -x "$host_dir/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $host_dir ($((SECONDS - started)) s)"
  exit 0
fi

log "installing code-server $CODE_SERVER_VERSION into $host_dir"
mkdir -p "$host_dir"
cd "$host_dir"

# Without its own package.json, npm would walk up and install into the repository's package.json.
[ -f package.json ] || printf '{\n  "name": "vscode-host-cache",\n  "private": true\n}\n' > package.json

# node-gyp must build against the local Node headers: it cannot download them here.
if [ -z "${npm_config_nodedir:-}" ] && [ ! -d "$(npm config get nodedir)" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
# A native build calls `npx node-gyp`, which would otherwise wait for a "Need to install" answer.
export npm_config_yes=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# code-server's own postinstall downloads ripgrep from GitHub and wants unsafe-perm as root: skip it.
npm install --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION"
npm rebuild argon2

vscode_dir="$host_dir/node_modules/code-server/lib/vscode"
cd "$vscode_dir"
npm install --omit=dev --ignore-scripts
# @vscode/ripgrep's install would download rg: point it at Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
# Builds node-pty, @parcel/watcher, spdlog, kerberos… against Node 20.
npm rebuild

# What code-server's postinstall would have done.
ln -sfn node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install --omit=dev)

echo "code-server $CODE_SERVER_VERSION installed $(date -u +%FT%TZ)" > "$marker"
log "done in $((SECONDS - started)) s"
