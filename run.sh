#!/usr/bin/env bash
# Set up Coffee Chat in a project-local virtual environment, then either open
# the course in JupyterLab (`bash run.sh lab`), run every test
# (`bash run.sh test`), or serve a workshop or class from this machine with
# JupyterHub (`bash run.sh hub`). Safe to run again: it only installs what changed.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
    echo "usage: bash run.sh lab | test [pytest options] |" \
         "hub [--ungraded-without-isolation] [jupyterhub options]" >&2
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
        # jsonschema checks the "iri" format with rfc3987-syntax when it is
        # installed, and importing that builds ~35 parsers: about 4 s here for
        # every process that reads a notebook (nbformat imports jsonschema),
        # from JupyterLab to each grading run. No Jupyter schema uses "iri";
        # without it jsonschema just skips that one format (jsonschema #1428).
        "$venv/bin/python" -m pip uninstall --quiet --yes rfc3987-syntax 2>/dev/null || true
        touch "$stamp"
    fi
    # Compiled once here, the course's own modules load faster in every process,
    # grading kernels included (they see src/ read-only and cannot cache it).
    "$venv/bin/python" -m compileall -q src >/dev/null
}

install_debian_packages() {
    # The browser tests drive Debian's Chromium, and grading runs learners' code
    # in Debian's bubblewrap sandbox (the grading tests use it for real); nothing
    # downloads either from elsewhere. Arguments: package=program pairs.
    local wanted=() pair
    for pair in "$@"; do
        [ -x "${pair#*=}" ] || wanted+=("${pair%%=*}")
    done
    [ ${#wanted[@]} -gt 0 ] || return 0
    echo "Installing ${wanted[*]} (Debian packages) ..."
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null; then
            sudo="sudo"
        else
            echo "run.sh: this needs ${wanted[*]}; install them with your package" \
                 "manager, or run this as root" >&2
            return 1
        fi
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${wanted[@]}" >/dev/null
}

install_proxy() {
    # JupyterHub's proxy is a Node.js program: npm installs it into .node/ in
    # this folder (nothing global). The hub and its test find it there.
    local proxy=.node/node_modules/.bin/configurable-http-proxy
    if [ -x "$proxy" ]; then
        return
    fi
    if ! command -v npm >/dev/null; then
        echo "run.sh: JupyterHub needs Node.js and npm for its proxy; install them with" \
             "your package manager (e.g. apt-get install -y nodejs npm)" >&2
        return 1
    fi
    echo "Installing configurable-http-proxy (JupyterHub's proxy) into .node/ ..."
    npm install --prefix .node --no-audit --no-fund --loglevel=error \
        configurable-http-proxy@5.3.0 >/dev/null
}

start_hub() {
    # One JupyterHub on this machine: see deploy/jupyterhub/jupyterhub_config.py.
    # It keeps participants apart: as root, an account each; as anyone else, a
    # bubblewrap sandbox each. Without bubblewrap and root it refuses to start,
    # unless the facilitator asks for an ungraded workshop without isolation.
    local args=() arg
    for arg in "$@"; do
        if [ "$arg" = --ungraded-without-isolation ]; then
            export COFFEECHAT_HUB_WITHOUT_ISOLATION=yes
        else
            args+=("$arg")
        fi
    done
    local state=${COFFEECHAT_HUB_STATE:-$HOME/coffeechat-hub}
    mkdir -p "$state"
    chmod 700 "$state"
    if [ ! -s "$state/passwords" ]; then
        # Passwords are made once and kept; delete the file for new ones.
        {
            echo "COFFEECHAT_WORKSHOP_PASSWORD=$(python -c 'import secrets; print(secrets.token_urlsafe(6))')"
            echo "COFFEECHAT_INSTRUCTOR_PASSWORD=$(python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        } > "$state/passwords"
        chmod 600 "$state/passwords"
    fi
    set -a
    # shellcheck disable=SC1091
    . "$state/passwords"
    set +a
    export COFFEECHAT_HUB_STATE=$state
    if [ -z "${COFFEECHAT_EXCHANGE_ROOT:-}" ] && ! mkdir -p /srv/nbgrader/exchange 2>/dev/null; then
        export COFFEECHAT_EXCHANGE_ROOT=$state/exchange  # not allowed to write /srv
    fi
    local port=${COFFEECHAT_HUB_PORT:-8000} host=${COFFEECHAT_HUB_IP:-0.0.0.0}
    if [ "$host" = 0.0.0.0 ]; then  # every address of this machine: show the first
        host=$(hostname -I 2>/dev/null | cut -d" " -f1)
        host=${host:-localhost}
    fi
    echo
    echo "Coffee Chat hub: participants open http://$host:$port/"
    echo "  participants: any user name, password  $COFFEECHAT_WORKSHOP_PASSWORD"
    echo "  instructors (${COFFEECHAT_INSTRUCTORS:-instructor}): password in $state/passwords"
    echo "  stop with Ctrl+C; everyone's work stays in $state/home/"
    echo
    exec jupyterhub -f deploy/jupyterhub/jupyterhub_config.py ${args[@]+"${args[@]}"}
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
        # Debian packages, npm and pip install side by side: each waits on
        # different things, and together they are most of a first run's set-up.
        install_debian_packages chromium=/usr/bin/chromium bubblewrap=/usr/bin/bwrap &
        debian=$!
        install_proxy &
        proxy=$!
        install_python_packages "[test]"
        wait "$debian"
        wait "$proxy"
        ruff check src tests benchmarks
        # Test files run in parallel, one more worker than cores (at most five):
        # end-to-end tests spend much of their time waiting for a kernel, a
        # server or a browser. Each file stays on one worker, so a file's
        # JupyterLab, browser and nbgrader course start only once.
        workers=$(( $(nproc) + 1 ))
        [ "$workers" -le 5 ] || workers=5
        exec python -m pytest --numprocesses="$workers" --dist=loadfile --durations=20 "$@"
        ;;
    hub)
        install_python_packages "[hub]"
        install_proxy
        # The sandbox that keeps participants apart (deploy/README.md).
        install_debian_packages bubblewrap=/usr/bin/bwrap || true
        start_hub "$@"
        ;;
    *)
        usage
        ;;
esac
