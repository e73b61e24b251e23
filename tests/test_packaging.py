"""The project's frame: environment.yml in step with pyproject.toml, the README's commands."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONDA_NAMES = {"dask[distributed]": {"dask", "distributed"}}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;]", requirement, maxsplit=1)[0].strip().lower()


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = set()
    for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
        wanted |= CONDA_NAMES.get(_name(requirement), {_name(requirement)})
    text = (ROOT / "environment.yml").read_text()
    section = text.split("dependencies:", 1)[1]
    listed = {_name(line.strip()[2:]) for line in section.splitlines()
              if line.strip().startswith("- ")} - {"python", "pip"}
    assert listed == wanted


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make run" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
