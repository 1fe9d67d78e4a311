"""A closing block that never stands alone on a page.

reportlab moves a block that does not fit to the next page; a closing box ("Questions?")
that just missed the room left after the summary then stood alone on page 2. `WithClosing`
lays out the last part of the story with the box and, when they do not fit together, moves
the end of that last part (a heading with its lines, or the last lines of a paragraph or
table) over with it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

MOST_LINES_MOVED = 8

Piece = list[Flowable]  # flowables that go to a page together (a heading and its lines)


def _height(item: Flowable, width: float, height: float) -> float:
    return item.wrap(width, height)[1] + item.getSpaceBefore() + item.getSpaceAfter()


def _piece(item: Flowable) -> Piece:
    return list(item._content) if isinstance(item, KeepTogether) else [item]


class WithClosing(Flowable):
    def __init__(self, pieces: list[Piece], closing: Piece) -> None:
        super().__init__()
        self.pieces = pieces
        self.closing = closing

    def _items(self) -> list[Flowable]:
        return [item for piece in [*self.pieces, self.closing] for item in piece]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = sum(
            _height(item, available_width, available_height) for item in self._items()
        )
        return self.width, self.height

    def draw(self) -> None:
        top = self.height
        for item in self._items():
            _, item_height = item.wrap(self.width, self.height)
            top -= item.getSpaceBefore() + item_height
            item.drawOn(self.canv, 0, top)
            top -= item.getSpaceAfter()

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fitting, used = 0, 0.0
        for piece in self.pieces:
            height = sum(_height(i, available_width, available_height) for i in piece)
            if used + height > available_height:
                break
            used += height
            fitting += 1
        fitting = min(fitting, len(self.pieces) - 1)  # the last piece goes with the box
        if fitting > 0:
            here = [item for piece in self.pieces[:fitting] for item in piece]
            return [*here, WithClosing(self.pieces[fitting:], self.closing)]
        first = self.pieces[0]
        if len(first) > 1:
            return []  # a heading with its lines moves as one piece
        return self._split_item(first[0], available_width, available_height)

    def _split_item(self, item: Flowable, width: float, height: float) -> list[Flowable]:
        """The item's first lines here, its last lines with the box on the next page."""
        leading = getattr(getattr(item, "style", None), "leading", 12)
        whole = item.wrap(width, height)[1]
        for lines in range(1, MOST_LINES_MOVED + 1):
            room = min(height, whole - lines * leading)
            if room <= 0:
                break
            parts = item.split(width, room)
            if len(parts) == 2:
                here, rest = parts
                return [here, WithClosing([[rest], *self.pieces[1:]], self.closing)]
        return []


def close_with(story: list[Flowable], closing: list[Flowable]) -> list[Flowable]:
    """The story with `closing` kept together with the end of it."""
    return [*story[:-1], WithClosing([_piece(story[-1])], closing)]
