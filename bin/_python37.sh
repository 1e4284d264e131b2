# Sourced by bin/run and bin/test: sets PYTHON37 to a Python 3.7 interpreter
# (pyenv's 3.7.16 where present, else python3.7 on PATH) or stops with advice.
PYENV_ROOT="${PYENV_ROOT:-$HOME/.pyenv}"
PYTHON37=""
for candidate in "$PYENV_ROOT/versions/3.7.16/bin/python3.7" "$(command -v python3.7 || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 7)' 2>/dev/null; then
        PYTHON37="$candidate"
        break
    fi
done
if [ -z "$PYTHON37" ]; then
    echo "error: Python 3.7 was not found (looked for pyenv's 3.7.16 in $PYENV_ROOT and python3.7 on PATH)." >&2
    echo "Install it (e.g. 'pyenv install 3.7.16'), or use the Dockerfile: docker build -t legacyproj . && docker run -p 8000:8000 legacyproj" >&2
    exit 1
fi

# make_venv DIR REQUIREMENTS...: create (or reuse) a virtualenv holding exactly
# these pinned requirements.  A stamp written last marks it complete, so an
# interrupted install is thrown away and redone on the next try.
make_venv() {
    local dir="$1"; shift
    local stamp="$dir/.legacyproj-stamp"
    local want
    want="$(cat "$@" | "$PYTHON37" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.read().encode()).hexdigest())')"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    rm -rf "$dir"
    echo "Creating $dir with $PYTHON37 ..." >&2
    "$PYTHON37" -m venv "$dir"
    local args=()
    for req in "$@"; do args+=(-r "$req"); done
    "$dir/bin/python" -m pip install --quiet --disable-pip-version-check "${args[@]}"
    echo "$want" > "$stamp"
}
