"""Outlines are drawn from threads (two raster bands, a threaded server): fontTools builds
glyphs lazily, so a fresh face drawn from many threads at once must still give whole glyphs."""

from __future__ import annotations

import threading

from notice_builder.text.fonts import _load_face
from notice_builder.text.outline import _CommandPen

GIDS = list(range(3, 400))


def _draw(face, gid):
    pen = _CommandPen(face.glyph_set)
    face.draw_glyph(gid, pen)
    return tuple(pen.commands)


def _draw_at_once(face, threads: int = 8) -> tuple[list[dict], list[BaseException]]:
    start = threading.Barrier(threads)
    results: list[dict] = []
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        start.wait()
        try:
            results.append({gid: _draw(face, gid) for gid in GIDS[offset:] + GIDS[:offset]})
        except BaseException as exc:  # recorded and asserted by the test
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(i * 7,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results, errors


def test_a_fresh_face_drawn_from_many_threads_gives_whole_glyphs():
    expected = {gid: _draw(_load_face("Noto Sans Arabic", False), gid) for gid in GIDS}
    for _ in range(3):
        results, errors = _draw_at_once(_load_face("Noto Sans Arabic", False))  # nothing built yet
        assert errors == []
        assert len(results) == 8 and all(result == expected for result in results)
