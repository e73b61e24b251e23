"""geo.maps.view: the centre and zoom that fit an extent, checked by projecting it back to pixels."""

import math

import pytest

from geo.maps.view import TILE_PX, fit_view


def pixel(lat, lon, centre, zoom, width, height):
    """Where Leaflet draws (lat, lon) on a map of width x height px with this centre and zoom."""
    world = TILE_PX * 2**zoom

    def project(la, lo):
        return world * (lo + 180) / 360, world * (1 - math.log(math.tan(math.pi / 4 + math.radians(la) / 2)) / math.pi) / 2

    x, y = project(lat, lon)
    cx, cy = project(*centre)
    return width / 2 + x - cx, height / 2 + y - cy


def test_the_whole_world_fits_a_tile_at_zoom_zero():
    centre, zoom = fit_view((-180, -85.05, 180, 85.05), 256, 256, padding_top_left=(0, 0), padding_bottom_right=(0, 0))
    assert zoom == 0 and centre == pytest.approx((0, 0), abs=1e-3)
    assert fit_view((-180, -85.05, 180, 85.05), 512, 512, padding_top_left=(0, 0),
                    padding_bottom_right=(0, 0))[1] == 1


@pytest.mark.parametrize("bounds", [(21.02, 37.66, 135.10, 58.60), (131.87, 43.1, 131.9, 43.2), (-75, -55, -35, 10)])
@pytest.mark.parametrize("padding", [((24, 24), (24, 24)), ((24, 24), (274, 24)), ((0, 80), (10, 0))])
def test_the_extent_lands_inside_the_free_area_and_fills_it(bounds, padding):
    width, height = 760, 560
    (left, top), (right, bottom) = padding
    centre, zoom = fit_view(bounds, width, height, padding_top_left=(left, top), padding_bottom_right=(right, bottom),
                            max_zoom=18)
    lon_min, lat_min, lon_max, lat_max = bounds
    x0, y0 = pixel(lat_max, lon_min, centre, zoom, width, height)
    x1, y1 = pixel(lat_min, lon_max, centre, zoom, width, height)
    assert left - 0.5 <= x0 < x1 <= width - right + 0.5
    assert top - 0.5 <= y0 < y1 <= height - bottom + 0.5
    # centred in the free area
    assert (x0 + x1) / 2 == pytest.approx((left + width - right) / 2, abs=1)
    assert (y0 + y1) / 2 == pytest.approx((top + height - bottom) / 2, abs=1)
    # one more zoom step would not fit
    grown = 2**0.25
    assert (x1 - x0) * grown > width - left - right or (y1 - y0) * grown > height - top - bottom


def test_a_point_is_shown_at_the_largest_zoom_allowed():
    centre, zoom = fit_view((131.9, 43.1, 131.9, 43.1), 700, 500, max_zoom=11)
    assert zoom == 11 and centre == pytest.approx((43.1, 131.9), abs=1e-4)
