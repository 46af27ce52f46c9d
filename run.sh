#!/usr/bin/env bash
# Set up Coffee Chat in a project-local virtual environment, then either open
# the course in JupyterLab (`bash run.sh lab`) or run every test
# (`bash run.sh test`). Safe to run again: it only installs what changed.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
    echo "usage: bash run.sh lab | test [pytest options]" >&2
    exit 2
}

[ $# -ge 1 ] || usage
action=$1
shift

python=${PYTHON:-python3}
venv=.venv

install_python_packages() {
    local extras=$1 stamp
    if [ ! -x "$venv/bin/python" ]; then
        echo "Creating the virtual environment in $venv ..."
        "$python" -m venv "$venv"
    fi
    stamp="$venv/.installed-$extras-$(cksum < pyproject.toml | cut -d" " -f1)"
    if [ ! -e "$stamp" ]; then
        echo "Installing Coffee Chat and what it needs (about a minute the first time) ..."
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            --editable ".$extras"
        touch "$stamp"
    fi
}

install_chromium() {
    # The browser tests drive Debian's Chromium; nothing downloads a browser.
    if [ -x /usr/bin/chromium ]; then
        return
    fi
    echo "Installing Chromium for the browser tests ..."
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null; then
            sudo="sudo"
        else
            echo "run.sh: the browser tests need Chromium (/usr/bin/chromium); install it" \
                 "with your package manager, or run this as root" >&2
            exit 1
        fi
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
}

install_bubblewrap() {
    # Grading runs learners' code in Debian's bubblewrap sandbox, and the
    # grading tests use it for real; nothing downloads it from elsewhere.
    if [ -x /usr/bin/bwrap ]; then
        return
    fi
    echo "Installing bubblewrap for the grading sandbox ..."
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null; then
            sudo="sudo"
        else
            echo "run.sh: the grading tests need bubblewrap (/usr/bin/bwrap); install it" \
                 "with your package manager, or run this as root" >&2
            exit 1
        fi
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq bubblewrap >/dev/null
}

export PATH="$PWD/$venv/bin:$PATH"

case "$action" in
    lab)
        install_python_packages ""
        # Learners work in my-work/, a copy of the course that updates never
        # overwrite, so their answers and the published course stay apart.
        python -m coffeechat._workspace my-work notebooks exercises
        # The course's JupyterLab settings (coffeechat/lab_settings/overrides.json):
        # no news prompt, no update check; a hub passes the same option.
        settings=$(python -m coffeechat.lab)
        cd my-work
        root_flag=()
        [ "$(id -u)" != 0 ] || root_flag=(--allow-root)  # e.g. in a container
        exec jupyter lab ${root_flag[@]+"${root_flag[@]}"} "--LabApp.app_settings_dir=$settings" \
            "notebooks/01-why-informational-interviews.ipynb" "$@"
        ;;
    test)
        install_python_packages "[test]"
        install_chromium
        install_bubblewrap
        ruff check src tests benchmarks
        # One worker per core (at most four); each test file stays on one worker
        # so a file's JupyterLab, browser and nbgrader course start only once.
        exec python -m pytest --numprocesses=auto --maxprocesses=4 --dist=loadfile "$@"
        ;;
    *)
        usage
        ;;
esac
