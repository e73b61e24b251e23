"""Greedy placement of map labels that neither overlap each other nor cover the map's furniture.

Labels are placed one at a time, most important first. Each tries candidate positions around
its point (right, left, above, below, then the diagonals) and takes the first whose box, in
display coordinates, stays inside the map and clear of every box already taken (other labels,
markers, the scale bar, the inset). A label that fits nowhere is dropped, unless it is
required, in which case it goes where it overlaps least.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def _overlap_area(a: Bbox, b: Bbox) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


@dataclass
class LabelPlacer:
    """Places labels on ``axes`` so that their boxes (display px, grown by ``pad_px``) don't collide."""

    axes: Axes
    renderer: RendererBase
    pad_px: float = 2.0
    taken: list[Bbox] = field(default_factory=list)

    @property
    def area(self) -> Bbox:
        return self.axes.get_window_extent(self.renderer)

    def block(self, bbox: Bbox) -> None:
        """Keep labels off ``bbox`` (display coordinates): a marker, a legend, an inset."""
        self.taken.append(bbox)

    def block_point(self, x: float, y: float, radius_pt: float) -> None:
        """Keep labels off a marker of ``radius_pt`` points at data coordinates (x, y)."""
        cx, cy = self.axes.transData.transform((x, y))
        radius_px = radius_pt * self.axes.figure.dpi / 72.0
        self.block(Bbox.from_extents(cx - radius_px, cy - radius_px, cx + radius_px, cy + radius_px))

    def block_line(self, xs, ys, width_pt: float) -> None:
        """Keep labels off a line through data coordinates ``xs``, ``ys``, sampled every few px."""
        points = self.axes.transData.transform(np.column_stack([xs, ys]))
        half = width_pt * self.axes.figure.dpi / 72.0
        step = max(2 * half, 1.0)
        for (ax_, ay), (bx, by) in zip(points, points[1:]):
            count = max(1, int(np.hypot(bx - ax_, by - ay) / step))
            for t in np.linspace(0, 1, count + 1):
                x, y = ax_ + t * (bx - ax_), ay + t * (by - ay)
                self.taken.append(Bbox.from_extents(x - half, y - half, x + half, y + half))

    def _fits(self, box: Bbox) -> bool:
        area = self.area
        inside = area.x0 <= box.x0 and box.x1 <= area.x1 and area.y0 <= box.y0 and box.y1 <= area.y1
        return inside and not any(_overlap_area(box, other) > 0 for other in self.taken)

    def _cost(self, box: Bbox) -> float:
        area = self.area
        outside = box.width * box.height - _overlap_area(box, area)
        return 4 * outside + sum(_overlap_area(box, other) for other in self.taken)

    def _heights_pt(self, x: float, y: float, texts: list[tuple[str, dict]]) -> list[float]:
        heights = []
        for text, text_style in texts:
            probe = self.axes.annotate(text, (x, y), **text_style)
            heights.append(probe.get_window_extent(self.renderer).height * 72.0 / self.axes.figure.dpi)
            probe.remove()
        return heights

    def _make(self, x, y, lines, heights, dx, dy, ha, va, offset_pt) -> tuple[list[Text], Bbox]:
        """The label's texts stacked into a block placed by (dx, dy, ha, va) around the point."""
        total = sum(heights)
        bottom = dy * offset_pt - {"bottom": 0.0, "top": total, "center": total / 2}[va]
        texts, top = [], bottom + total
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
        best: tuple[float, list[Text], Bbox] | None = None
        for dx, dy, ha, va in candidates or _CANDIDATES:
            texts, box = self._make(x, y, lines, heights, dx, dy, ha, va, offset_pt)
            if self._fits(box):
                if best is not None:
                    for artist in best[1]:
                        artist.remove()
                self.taken.append(box)
                return texts
            cost = self._cost(box)
            if required and (best is None or cost < best[0]):
                if best is not None:
                    for artist in best[1]:
                        artist.remove()
                best = (cost, texts, box)
            else:
                for artist in texts:
                    artist.remove()
        if best is None:
            return None
        self.taken.append(best[2])
        return best[1]
