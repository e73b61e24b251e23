"""`geo prepare`: compute before the first reader arrives what every later run reads back.

Builds (once) the gazetteer cache, repairs and caches the Natural Earth frames the maps cut
from, analyses the bundled story and cuts the interactive map's basemap for it, saying on
stderr what each stage does and how long it took. Everything goes to the user cache folder
($GEO_CACHE_DIR); running it again finds the caches and takes a second or two. `make run` runs
it before the dashboard starts; any other command would build the same caches when first
needed, so it is never required, only faster for a first reader.
"""

from __future__ import annotations

import time

from geo.progress import note, stage


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "prepare", help="build the caches a first run needs (gazetteer, basemap frames), with progress",
        description="Build the gazetteer cache, the repaired Natural Earth frames and the bundled "
                    "story's map basemap in the user cache folder, one progress line a stage.")
    parser.set_defaults(func=run)


def run(args) -> int:
    from geo.gazetteer import default_gazetteer
    from geo.maps.interactive import story_map
    from geo.paths import cache_dir
    from geo.story import analyse

    started = time.perf_counter()
    note(f"preparing the caches in {cache_dir()}")
    with stage("gazetteer ready"):
        gazetteer = default_gazetteer()
    with stage("Natural Earth frames ready (countries 1:10m and 1:50m, land; repaired once)"):
        gazetteer.countries("10m")
        gazetteer.countries("50m")
        gazetteer.land()
    with stage("bundled story analysed"):
        story = analyse(gazetteer=gazetteer)
    with stage("the bundled story's map basemap ready"):
        story_map(story, gazetteer)
    note(f"prepared in {time.perf_counter() - started:.1f} s")
    return 0
