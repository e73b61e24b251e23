"""Greedy placement of map labels that neither overlap each other nor cover the map's furniture.

Labels are placed one at a time, most important first. Each tries candidate positions around
its point (right, left, above, below, then the diagonals) and takes the first whose box, in
display coordinates, stays inside the map and clear of every box already taken (other labels,
markers, lines, the scale bar, the inset). A label that fits nowhere is dropped, unless it is
required, in which case it goes where it overlaps least.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.text import Text
from matplotlib.transforms import Bbox

__all__ = ["LabelPlacer"]

# (direction x, direction y, horizontal alignment, vertical alignment), in order of preference
_CANDIDATES = (
    (1, 0, "left", "center"),
    (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"),
    (0, -1, "center", "top"),
    (0.75, 0.75, "left", "bottom"),
    (0.75, -0.75, "left", "top"),
    (-0.75, 0.75, "right", "bottom"),
    (-0.75, -0.75, "right", "top"),
)


class LabelPlacer:
    """Places labels on ``axes`` so that their boxes (display px, grown by ``pad_px``) don't collide."""

    def __init__(self, axes: Axes, renderer: RendererBase, pad_px: float = 2.0):
        self.axes = axes
        self.renderer = renderer
        self.pad_px = pad_px
        self._boxes = np.empty((0, 4))  # x0, y0, x1, y1 of every box taken
        self._markers = np.empty((0, 2))  # display centres of the markers labels belong to

    @property
    def area(self) -> Bbox:
        return self.axes.get_window_extent(self.renderer)

    def block(self, bbox: Bbox) -> None:
        """Keep labels off ``bbox`` (display coordinates): a marker, a legend, an inset."""
        self._boxes = np.vstack([self._boxes, [bbox.x0, bbox.y0, bbox.x1, bbox.y1]])

    def unblock_last(self) -> None:
        """Give back the box taken last (a label removed after all)."""
        self._boxes = self._boxes[:-1]

    def block_point(self, x: float, y: float, radius_pt: float) -> None:
        """Keep labels off a marker of ``radius_pt`` points at data coordinates (x, y)."""
        cx, cy = self.axes.transData.transform((x, y))
        r = radius_pt * self.axes.figure.dpi / 72.0
        self.block(Bbox.from_extents(cx - r, cy - r, cx + r, cy + r))
        self._markers = np.vstack([self._markers, [cx, cy]])

    def block_line(self, xs, ys, width_pt: float) -> None:
        """Keep labels off a line through data coordinates ``xs``, ``ys`` (sampled every few px)."""
        points = self.axes.transData.transform(np.column_stack([xs, ys]))
        half = width_pt * self.axes.figure.dpi / 72.0
        samples = [points[:1]]
        for start, end in zip(points, points[1:]):
            count = max(1, int(np.hypot(*(end - start)) / (2 * half)))
            samples.append(start + np.linspace(0, 1, count + 1)[1:, None] * (end - start))
        centres = np.vstack(samples)
        boxes = np.column_stack([centres - half, centres + half])
        self._boxes = np.vstack([self._boxes, boxes])

    def _overlaps(self, box: Bbox) -> np.ndarray:
        """The overlap area (px²) of ``box`` with every box taken."""
        widths = np.minimum(self._boxes[:, 2], box.x1) - np.maximum(self._boxes[:, 0], box.x0)
        heights = np.minimum(self._boxes[:, 3], box.y1) - np.maximum(self._boxes[:, 1], box.y0)
        return np.clip(widths, 0, None) * np.clip(heights, 0, None)

    def _outside(self, box: Bbox) -> float:
        """The area (px²) of ``box`` outside the map."""
        area = self.area
        inside_w = max(0.0, min(box.x1, area.x1) - max(box.x0, area.x0))
        inside_h = max(0.0, min(box.y1, area.y1) - max(box.y0, area.y0))
        return box.width * box.height - inside_w * inside_h

    def _misleading(self, box: Bbox, own: tuple[float, float]) -> int:
        """How many other markers lie nearer to ``box`` than its own point does (display px).

        A label must sit next to its own point, or a reader pairs it with the wrong one.
        """
        def distance(points: np.ndarray) -> np.ndarray:
            dx = np.maximum.reduce([box.x0 - points[:, 0], np.zeros(len(points)), points[:, 0] - box.x1])
            dy = np.maximum.reduce([box.y0 - points[:, 1], np.zeros(len(points)), points[:, 1] - box.y1])
            return np.hypot(dx, dy)

        own_distance = distance(np.array([own]))[0]
        others = self._markers[np.hypot(*(self._markers - own).T) > 1.0]
        return int(np.count_nonzero(distance(others) < own_distance + 2 * self.pad_px)) if len(others) else 0

    def _cost(self, box: Bbox, own: tuple[float, float]) -> float:
        """0 for a box that fits; else how badly it collides (outside the map counts 4 times,
        each marker it would be mistaken for as much as the box's own area)."""
        misleading = self._misleading(box, own) * box.width * box.height
        return 4 * self._outside(box) + float(self._overlaps(box).sum()) + misleading

    def _heights_pt(self, x: float, y: float, lines: list[tuple[str, dict]]) -> list[float]:
        heights = []
        for text, text_style in lines:
            probe = self.axes.annotate(text, (x, y), **text_style)
            heights.append(probe.get_window_extent(self.renderer).height * 72.0 / self.axes.figure.dpi)
            probe.remove()
        return heights

    def _make(self, x, y, lines, heights, candidate, offset_pt) -> tuple[list[Text], Bbox]:
        """The label's texts stacked into a block placed by ``candidate`` around the point."""
        dx, dy, ha, va = candidate
        total = sum(heights)
        top = dy * offset_pt - {"bottom": 0.0, "top": total, "center": total / 2}[va] + total
        texts = []
        for (text, text_style), height in zip(lines, heights):
            texts.append(self.axes.annotate(
                text, (x, y), xytext=(dx * offset_pt, top), textcoords="offset points",
                ha=ha, va="top", **text_style,
            ))
            top -= height
        box = Bbox.union([t.get_window_extent(self.renderer) for t in texts]).padded(self.pad_px)
        return texts, box

    def place(self, x: float, y: float, text: str, offset_pt: float, required: bool = False,
              candidates: tuple | None = None, detail: str = "", detail_style: dict | None = None,
              **text_style) -> list[Text] | None:
        """Label the point at data coordinates (x, y), ``offset_pt`` points from it.

        ``detail`` is an optional second block of text under the label, in ``detail_style``
        (e.g. smaller and lighter). ``candidates`` limits the positions tried, e.g.
        ``((0, 0, "center", "center"),)`` to centre a label on its point. Returns the label's
        Text artists, or None if it fits nowhere and is not ``required``.
        """
        lines = [(text, text_style)] + ([(detail, {**text_style, **(detail_style or {})})] if detail else [])
        heights = self._heights_pt(x, y, lines)
        own = tuple(self.axes.transData.transform((x, y)))
        best: tuple[float, list[Text], Bbox] | None = None
        for candidate in candidates or _CANDIDATES:
            texts, box = self._make(x, y, lines, heights, candidate, offset_pt)
            cost = self._cost(box, own)
            if best is None or cost < best[0]:
                for artist in best[1] if best else ():
                    artist.remove()
                best = (cost, texts, box)
            else:
                for artist in texts:
                    artist.remove()
            if cost == 0:
                break
        if best[0] > 0 and not required:
            for artist in best[1]:
                artist.remove()
            return None
        self.block(best[2])
        return best[1]
