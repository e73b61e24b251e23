"""geo.geodesy against published reference values.

Reference values come from GeographicLib's own test suite (C. F. F. Karney,
geographiclib-python, geographiclib/test/test_geodesic.py: the ``testcases`` table, computed at
high precision, and the ``GeodSolve*`` regression tests), quoted with the tolerances used there
unless stated otherwise. Distances there are in metres; ours are in km.
"""

import math

import numpy as np
import pytest

from geo import geodesy
from geo.errors import GeoError, InputError
from geo.model import KM_PER_UNIT

# (lat1, lon1, azi1, lat2, lon2, s12 in metres) from the ``testcases`` table of test_geodesic.py.
KARNEY_TESTCASES = [
    (35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 8935244.5604818305),
    (55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 4105086.1713924406),
    (-66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 11150344.2312080241),
    (-87.85331, 85.66836, -65.120313040242748, 66.48646, 16.09921, 17286615.3147144645),
    (-19.79938, -174.47484, 71.167275780171533, -11.99349, -154.35109, 2319004.8601169389),
]


@pytest.mark.parametrize("lat1, lon1, azi1, lat2, lon2, s12", KARNEY_TESTCASES)
def test_inverse_matches_karney_testcases(lat1, lon1, azi1, lat2, lon2, s12):
    km, bearing = geodesy.inverse(lat1, lon1, lat2, lon2)
    assert km == pytest.approx(s12 / 1000, abs=1e-8)  # 10 micrometres
    assert bearing == pytest.approx(azi1 % 360, abs=1e-9)


# (lat1, lon1, lat2, lon2, azi1 or None, s12 metres, tolerance metres, source test)
GEODSOLVE_INVERSE = [
    (40.6, -73.8, 49.01666667, 2.55, 53.47022, 5853226, 0.5, "GeodSolve0: JFK to CDG"),
    (36.493349428792, 0, 36.49334942879201, 0.0000008, None, 0.072, 0.5e-3, "GeodSolve4: short line"),
    (88.202499451857, 0, -88.202499451857, 179.981022032992859592, None, 20003898.214, 0.5e-3,
     "GeodSolve6: nearly antipodal"),
    (56.320923501171, 0, -56.320923501171, 179.664747671772880215, None, 19993558.287, 0.5e-3,
     "GeodSolve9: nearly antipodal"),
    (0, 539, 0, 181, 90.0, 222639, 0.5, "GeodSolve29: longitudes beyond 180"),
    (0, 0, 0, 179, 90.0, 19926189, 0.5, "GeodSolve33: equatorial"),
    (0, 0, 0, 179.5, 55.96650, 19980862, 0.5, "GeodSolve33: nearly antipodal, equator"),
    (0, 0, 0, 180, 0.0, 20003931, 0.5, "GeodSolve33: equatorial antipodes"),
    (0, 0, 1, 180, 0.0, 19893357, 0.5, "GeodSolve33: antipodes off the equator"),
]  # fmt: skip


@pytest.mark.parametrize(
    "lat1, lon1, lat2, lon2, azi1, s12, tolerance, source",
    GEODSOLVE_INVERSE,
    ids=[row[-1] for row in GEODSOLVE_INVERSE],
)
def test_inverse_matches_geodsolve_regressions(lat1, lon1, lat2, lon2, azi1, s12, tolerance, source):
    km, bearing = geodesy.inverse(lat1, lon1, lat2, lon2)
    assert km == pytest.approx(s12 / 1000, abs=tolerance / 1000)
    if azi1 is not None:
        assert bearing == pytest.approx(azi1, abs=0.5e-5)


def test_equatorial_antipodes_are_half_a_meridian_apart():
    # The WGS84 half meridian is 20,003.931 km (GeodSolve33 gives 20003931 m +- 0.5 m).
    assert geodesy.distance_km(0, 0, 0, 180) == pytest.approx(20003.931, abs=0.001)
    assert geodesy.distance_km(0, 45, 0, -135) == pytest.approx(20003.931, abs=0.001)


@pytest.mark.parametrize(
    "lat1, lon1, lat2, lon2, km, bearing",
    [
        (90, 0, -90, 0, 20003.931458, 180.0),  # pole to pole: the half meridian
        (0, 0, 90, 0, 10001.965729, 0.0),  # equator to pole: the quarter meridian
        (90, 30, 0, 10, 10001.965729, 180.0),  # from the north pole every way is south
        (-90, 0, 0, 77, 10001.965729, 0.0),  # from the south pole every way is north
    ],
)
def test_poles(lat1, lon1, lat2, lon2, km, bearing):
    measured_km, measured_bearing = geodesy.inverse(lat1, lon1, lat2, lon2)
    assert measured_km == pytest.approx(km, abs=1e-6)
    assert measured_bearing == pytest.approx(bearing, abs=1e-9)


def test_antimeridian_crossing_is_short_and_eastward():
    # 179.5 E to 179.5 W on the equator is one degree of longitude: 111.319 km.
    km, bearing = geodesy.inverse(0, 179.5, 0, -179.5)
    assert km == pytest.approx(111.319491, abs=1e-6)
    assert bearing == pytest.approx(90.0, abs=1e-9)
    km_back, bearing_back = geodesy.inverse(0, -179.5, 0, 179.5)
    assert km_back == pytest.approx(km, abs=1e-9)
    assert bearing_back == pytest.approx(270.0, abs=1e-9)


@pytest.mark.parametrize("lat, lon", [(0, 0), (43.1, 131.9), (90, 0), (-90, 45), (12, 180), (12, -180)])
def test_identical_points_are_zero_km_bearing_zero(lat, lon):
    assert geodesy.inverse(lat, lon, lat, lon) == (0.0, 0.0)


@pytest.mark.parametrize("lat2, lon2", [(0, -1), (-1, 0), (-1, -1), (1, -1)])
def test_bearings_are_normalised_to_0_360(lat2, lon2):
    bearing = geodesy.bearing_deg(0, 0, lat2, lon2)
    assert 0.0 <= bearing < 360.0


def test_scalars_give_floats():
    km, bearing = geodesy.inverse(1, 2, 3, 4)
    assert type(km) is float and type(bearing) is float


def test_vectorised_matches_pairwise_and_broadcasts():
    rng = np.random.default_rng(7)
    lat1, lat2 = rng.uniform(-90, 90, (2, 500))
    lon1, lon2 = rng.uniform(-180, 180, (2, 500))
    km, bearing = geodesy.inverse(lat1, lon1, lat2, lon2)
    assert km.shape == bearing.shape == (500,)
    for i in range(0, 500, 50):
        one_km, one_bearing = geodesy.inverse(lat1[i], lon1[i], lat2[i], lon2[i])
        assert km[i] == pytest.approx(one_km, abs=1e-9)
        assert bearing[i] == pytest.approx(one_bearing, abs=1e-9)
    assert np.all((bearing >= 0) & (bearing < 360))
    grid_km = geodesy.distance_km(np.zeros((3, 1)), 0, 0, np.array([[1.0, 2.0]]))
    assert grid_km.shape == (3, 2)
    assert grid_km[2, 1] == pytest.approx(2 * 111.319491, abs=1e-5)


def test_vectorised_identical_points_and_nan():
    km, bearing = geodesy.inverse(np.array([5.0, 5.0, np.nan]), 5.0, 5.0, 5.0)
    assert km[0] == 0.0 and bearing[0] == 0.0
    assert math.isnan(km[2]) and math.isnan(bearing[2])


@pytest.mark.parametrize("lat", [90.5, -91, 1e308])
def test_latitude_out_of_range_raises(lat):
    with pytest.raises(InputError, match="latitude"):
        geodesy.inverse(lat, 0, 0, 0)
    with pytest.raises(ValueError):
        geodesy.inverse(np.array([0.0, lat]), 0, 0, 0)


@pytest.mark.parametrize(
    "bearing, points, name",
    [
        (0, 16, "N"), (11.2, 16, "N"), (11.3, 16, "NNE"), (348.8, 16, "N"), (348.7, 16, "NNW"),
        (47, 16, "NE"), (67.5, 16, "ENE"), (180, 16, "S"), (359.999, 16, "N"), (360, 16, "N"),
        (-22.5, 16, "NNW"), (720 + 90, 16, "E"), (47, 8, "NE"), (22.4, 8, "N"), (22.6, 8, "NE"),
        (44.9, 4, "N"), (45.1, 4, "E"), (225.1, 4, "W"),
    ],
)  # fmt: skip
def test_compass_point(bearing, points, name):
    assert geodesy.compass_point(bearing, points) == name


def test_compass_point_vectorised():
    names = geodesy.compass_point(np.arange(16) * 22.5)
    assert list(names) == list(geodesy.COMPASS_POINTS)


def test_compass_point_rejects_other_divisions():
    with pytest.raises(InputError):
        geodesy.compass_point(10, points=32)


@pytest.mark.parametrize(
    "name, bearing",
    [
        ("N", 0), ("north", 0), ("North", 0), ("due north", 0), ("NE", 45), ("north-east", 45),
        ("northeast", 45), ("North East", 45), ("NORTH EAST", 45), ("ENE", 67.5),
        ("east-northeast", 67.5), ("due east", 90), ("SE", 135), ("south-south-east", 157.5),
        ("S", 180), ("south-west", 225), ("Southwest", 225), ("WSW", 247.5), ("west", 270),
        ("NW", 315), ("NNW", 337.5), ("north-northwest", 337.5), ("north north-west", 337.5),
    ],
)  # fmt: skip
def test_compass_bearing(name, bearing):
    assert geodesy.compass_bearing(name) == bearing


@pytest.mark.parametrize("name", ["", "up", "northish", "NEN", "east-west", "NNNW"])
def test_compass_bearing_rejects_unknown_names(name):
    with pytest.raises(InputError, match="compass direction"):
        geodesy.compass_bearing(name)


def test_compass_point_and_bearing_round_trip():
    for name in geodesy.COMPASS_POINTS:
        assert geodesy.compass_point(geodesy.compass_bearing(name)) == name


@pytest.mark.parametrize(
    "value, from_unit, to_unit, expected",
    [
        (1, "mi", "km", 1.609344),  # the international mile, exactly
        (1, "nmi", "km", 1.852),  # the international nautical mile, exactly
        (1.852, "km", "nmi", 1.0),
        (950, "km", "mi", 590.3026),
        (425, "mi", "km", 683.9712),
        (100, "nmi", "mi", 115.0779),
        (7, "km", "km", 7),
    ],
)
def test_convert(value, from_unit, to_unit, expected):
    assert geodesy.convert(value, from_unit, to_unit) == pytest.approx(expected, abs=1e-4)


def test_convert_uses_model_table_and_arrays():
    values = np.array([1.0, 2.0])
    assert np.allclose(geodesy.convert(values, "mi", "km"), values * KM_PER_UNIT["mi"])


@pytest.mark.parametrize("unit", ["miles", "KM", "", "furlong"])
def test_convert_rejects_unknown_units(unit):
    with pytest.raises(InputError, match="distance unit"):
        geodesy.convert(1, unit, "km")
    with pytest.raises(GeoError):
        geodesy.convert(1, "km", unit)


def test_path_length_is_sum_of_geodesic_segments():
    path = [(0, 0), (0, 1), (1, 1), (1, 179.5), (1, -179.5)]
    segments = sum(geodesy.distance_km(*a, *b) for a, b in zip(path, path[1:]))
    assert geodesy.path_length_km(path) == pytest.approx(segments, rel=1e-12)
    assert geodesy.path_length_km([(0, 0), (0, 1)]) == pytest.approx(111.319491, abs=1e-6)


@pytest.mark.parametrize("path", [[], [(10, 10)]])
def test_path_length_of_fewer_than_two_points_is_zero(path):
    assert geodesy.path_length_km(path) == 0.0


def test_geodesic_points_are_evenly_spaced_on_the_geodesic():
    points = geodesy.geodesic_points(40.6, -73.8, 49.01666667, 2.55, n=11)
    assert len(points) == 11
    assert points[0] == (40.6, -73.8)
    assert points[-1] == pytest.approx((49.01666667, 2.55))
    total = geodesy.distance_km(40.6, -73.8, 49.01666667, 2.55)
    steps = [geodesy.distance_km(*a, *b) for a, b in zip(points, points[1:])]
    assert sum(steps) == pytest.approx(total, rel=1e-9)  # no detour: the points lie on it
    assert max(steps) - min(steps) < 1e-6


def test_geodesic_points_keep_longitude_continuous_over_the_antimeridian():
    points = geodesy.geodesic_points(10, 170, 10, -170, n=9)
    lons = [lon for _, lon in points]
    assert lons[0] == 170 and lons[-1] == pytest.approx(190)
    assert all(0 < b - a < 10 for a, b in zip(lons, lons[1:]))


def test_geodesic_points_two_points_are_the_ends():
    assert geodesy.geodesic_points(1, 2, 3, 4, n=2) == [(1.0, 2.0), (3.0, 4.0)]
    with pytest.raises(InputError):
        geodesy.geodesic_points(1, 2, 3, 4, n=1)


@pytest.mark.parametrize("lat, lon, radius_km", [(43.1, 131.9, 50), (0, 179.9, 100), (-60, -10, 1500)])
def test_circle_points_are_at_the_radius(lat, lon, radius_km):
    ring = geodesy.circle(lat, lon, radius_km, n=36)
    assert len(ring) == 37 and ring[0] == ring[-1]
    lats = np.array([p[0] for p in ring])
    lons = np.array([p[1] for p in ring])
    assert np.allclose(geodesy.distance_km(lat, lon, lats, lons), radius_km, atol=1e-6)
    assert np.all(np.abs(lons - lon) < 180)  # continuous around the centre
    bearings = geodesy.bearing_deg(lat, lon, lats[:-1], lons[:-1])
    circular_error = (bearings - np.arange(36) * 10.0 + 180) % 360 - 180
    assert np.all(np.abs(circular_error) < 1e-6)


def test_circle_across_the_antimeridian_does_not_jump():
    lons = [lon for _, lon in geodesy.circle(0, 179.9, 100, n=16)]
    assert max(lons) > 180 and max(lons) - min(lons) < 2


@pytest.mark.parametrize("radius_km", [-1, float("nan"), float("inf")])
def test_circle_rejects_bad_radius(radius_km):
    with pytest.raises(InputError, match="radius"):
        geodesy.circle(0, 0, radius_km)
