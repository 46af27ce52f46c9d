"""nbgrader preprocessors of the course, one per file as nbgrader keeps its own.

========================  ====================================================
RepairGraderMetadata      autograde, sanitising: copied, pasted or damaged
                          grader metadata no longer stops grading
LimitedExecute            autograde: nbgrader's Execute, keeping at most
                          ``max_output_bytes`` of a cell's output
ScrubLeakedTests          autograde: output that shows hidden tests' code
                          (a submission that printed them) is removed
HideHiddenTests           feedback: hidden tests' code replaced by a note
CheckCellMetadata         autograde: nbgrader's, its metadata schema compiled
                          once rather than for every cell
========================  ====================================================
"""

from coffeechat.course.preprocessors.check_cell_metadata import CheckCellMetadata
from coffeechat.course.preprocessors.hide_hidden_tests import HideHiddenTests
from coffeechat.course.preprocessors.limited_execute import LimitedExecute
from coffeechat.course.preprocessors.repair_grader_metadata import RepairGraderMetadata
from coffeechat.course.preprocessors.scrub_leaked_tests import ScrubLeakedTests

__all__ = [
    "CheckCellMetadata",
    "HideHiddenTests",
    "LimitedExecute",
    "RepairGraderMetadata",
    "ScrubLeakedTests",
]
