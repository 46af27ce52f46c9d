# Site-wide nbgrader settings of every server on the Coffee Chat hub: the
# course id, the exchange folder, student ids from the hub's user names and
# no owner check (participants share a Unix account). They live in
# coffeechat.course.hub, which the Kubernetes image uses too.
#
# The hub puts this folder on each server's JUPYTER_CONFIG_PATH. An
# instructor's course folder adds its own settings (gradebook, time limit).
from coffeechat.course.hub import configure_nbgrader

c = get_config()  # noqa: F821 (nbgrader provides get_config)
configure_nbgrader(c)
