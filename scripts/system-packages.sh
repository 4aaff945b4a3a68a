# Sourced by scripts/setup and scripts/dev-setup: the Debian packages a command needs.
#
# missing_packages PKG...  prints the ones not installed (python3-venv: when Python cannot
#                          make a virtual environment, as on a fresh Debian);
# ensure_packages PKG...   installs those as root, or through sudo when it needs no password;
#                          otherwise it prints the apt-get command and returns 0, so that the
#                          caller goes on (the tests that need a missing package skip).

missing_packages() {
    local pkg
    for pkg in "$@"; do
        if [[ "$pkg" == python3-venv ]]; then
            python3 -c "import ensurepip, venv" 2>/dev/null || echo "$pkg"
        elif command -v dpkg-query >/dev/null 2>&1; then
            dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
                || echo "$pkg"
        fi
    done
}

ensure_packages() {
    local missing
    mapfile -t missing < <(missing_packages "$@")
    ((${#missing[@]})) || return 0
    local as_root=()
    if ((EUID != 0)) && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        as_root=(sudo)
    fi
    if command -v apt-get >/dev/null 2>&1 && { ((EUID == 0)) || ((${#as_root[@]})); }; then
        echo "setup: installing ${missing[*]}" >&2
        "${as_root[@]}" apt-get update -q
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    else
        echo "setup: missing ${missing[*]}; to install them: sudo apt-get install ${missing[*]}" >&2
    fi
}
