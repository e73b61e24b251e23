"""Package layout that pyproject.toml cannot state: the repository keeps its data at the top
level (data/), and the wheel ships it inside the package as geo/data/, read through
importlib.resources (geo/paths.py). Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["geo", "geo.*"]) + ["geo.data"],
    package_dir={"geo.data": "data"},
)
