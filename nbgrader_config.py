# nbgrader settings for authoring the graded assignments in this repository.
#
# solutions/<assignment>/ holds the instructor's notebooks (with solutions and
# hidden tests); exercises/<assignment>/ holds the student versions, made from
# them by nbgrader and never edited by hand. After changing a solution notebook,
# regenerate its exercise from this folder, with the virtual environment active:
#
#     nbgrader generate_assignment ps01-who-can-introduce-you --force
#
# Grading happens elsewhere, in an instructor's course folder made with
# `coffeechat init COURSE_DIR`, so no gradebook is written here.
import os

c = get_config()  # noqa: F821 (nbgrader provides get_config)
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.GenerateAssignment.no_database = True
c.SaveCells.enabled = False
