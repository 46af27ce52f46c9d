#!/bin/bash
# Before a user's server starts (docker-stacks runs /usr/local/bin/before-notebook.d/*):
# copy the modules the user has not got yet, and give an instructor their course folder.
set -e
mkdir -p "$HOME/notebooks"
cp -rn /opt/coffeechat/notebooks/. "$HOME/notebooks/"
if [ "${COFFEECHAT_HUB_ROLE:-}" = instructor ]; then
    python -m coffeechat.course.hub "$HOME" /opt/coffeechat/solutions
fi
