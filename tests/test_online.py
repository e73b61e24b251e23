"""The opt-in online geocoder, against a local stand-in for Nominatim (never the network)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geo.cli import main
from geo.errors import GeocoderError
from geo.gazetteer.online import OnlineGeocoder

ANSWER = [{"place_id": 1, "osm_type": "node", "osm_id": 42, "lat": "42.4370", "lon": "130.5883",
           "name": "Fangchuan Lookout", "display_name": "Fangchuan Lookout, Jilin, China",
           "addresstype": "village",
           "address": {"country_code": "cn"}, "licence": "ODbL"}]


@pytest.fixture
def nominatim():
    """A stand-in Nominatim on localhost that records what it was asked."""
    asked = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            query = parse_qs(urlparse(self.path).query)
            asked.append({"q": query.get("q", [""])[0], "agent": self.headers["User-Agent"]})
            body = json.dumps(ANSWER if "Lookout" in asked[-1]["q"] else []).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_port}", asked
    server.shutdown()


def test_geocode_marks_the_source_and_caches_on_disk(nominatim, tmp_path):
    domain, asked = nominatim
    geocoder = OnlineGeocoder("geo-tests/1.0", domain=domain, scheme="http",
                              cache_path=tmp_path / "cache.json")
    first = geocoder.geocode("Fangchuan Lookout")
    assert first[0].layer == "online" and "Nominatim" in first[0].source
    assert (first[0].lat, first[0].lon, first[0].country) == (42.437, 130.5883, "CN")
    assert asked[0]["agent"] == "geo-tests/1.0"
    again = OnlineGeocoder("geo-tests/1.0", domain=domain, scheme="http",
                           cache_path=tmp_path / "cache.json")
    assert again.geocode("fangchuan lookout") == first
    assert len(asked) == 1  # the second answer came from the disk cache


def test_a_user_agent_of_ones_own_is_required(tmp_path):
    for agent in ("", "geopy/2.4"):
        with pytest.raises(GeocoderError, match="user agent"):
            OnlineGeocoder(agent, cache_path=tmp_path / "c.json")


def test_cli_uses_it_only_when_asked(nominatim, tmp_path, monkeypatch, capsys, gazetteer):
    domain, asked = nominatim
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    assert main(["resolve", "Fangchuan Lookout", "--json"]) == 1  # offline: not found
    assert asked == []
    code = main(["resolve", "Fangchuan Lookout", "--json", "--online", "--user-agent",
                 "geo-tests/1.0", "--geocoder-url", f"http://{domain}"])
    assert code == 0 and len(asked) == 1
    assert json.loads(capsys.readouterr().out)[0]["place_id"] == "online:osm:node:42"
