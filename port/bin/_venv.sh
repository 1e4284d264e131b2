# Sourced by bin/run and bin/test: port/.venv on Python 3.12 with the pinned
# requirements, re-made when a requirements file changed or an install broke off.
PORT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# pyenv's build first: a pyenv shim named python3.12 may exist and still refuse to run.
PYTHON312=""
for candidate in "${PYENV_ROOT:-$HOME/.pyenv}/versions/3.12.1/bin/python3.12" "$(command -v python3.12 || true)"; do
    if [ -n "$candidate" ] && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then
        PYTHON312="$candidate"
        break
    fi
done
if [ -z "$PYTHON312" ]; then
    echo "port: Python 3.12 is needed (python3.12 on PATH or pyenv's 3.12.1); or use port/Dockerfile" >&2
    exit 2
fi
VENV="$PORT_DIR/.venv"
STAMP="$VENV/.installed"
WANT="$(cat "$PORT_DIR/requirements.txt" "$PORT_DIR/requirements-test.txt" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$WANT" ]; then
    rm -rf "$VENV"
    "$PYTHON312" -m venv "$VENV"
    "$VENV/bin/pip" install -q -r "$PORT_DIR/requirements.txt" -r "$PORT_DIR/requirements-test.txt"
    echo "$WANT" > "$STAMP"
fi
