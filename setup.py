"""Package layout that pyproject.toml cannot state:

- the repository keeps its data at the top level (data/); the wheel ships it inside the package
  as geo/data/, read through importlib.resources (geo/paths.py);
- the dashboard (app.py and its .streamlit/config.toml, at the top level) is copied into the
  wheel as geo/dashboard/, files only (geo never imports it), for `geo dashboard` to run.

Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

DASHBOARD_FILES = ("app.py", ".streamlit/config.toml")


class BuildWithDashboard(build_py):
    """build_py, plus the dashboard's files under geo/dashboard/ in the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install runs the checkout's own app.py
        for name in DASHBOARD_FILES:
            target = Path(self.build_lib) / "geo" / "dashboard" / name
            self.mkpath(str(target.parent))
            self.copy_file(name, str(target))


setup(
    packages=find_packages(include=["geo", "geo.*"]) + ["geo.data"],
    package_dir={"geo.data": "data"},
    cmdclass={"build_py": BuildWithDashboard},
)
