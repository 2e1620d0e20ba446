"""The main window's sizes on the screen it is on: the minimum, the first window's, and the
问题清单's first height. Office screens are small (1366×768, often at 125 % or 150 %): the window
never asks for more than the screen's free area."""
from __future__ import annotations

MIN_WIDTH, MIN_HEIGHT = 1000, 600  # fits a 1366×768 screen with the taskbar
SHORT_WINDOW = 700   # below this height the 问题清单 is kept to its smallest first height
CHECKS_HEIGHT = 170  # the 问题清单's first height at most: about eight findings at 768 px


def minimum_size(free_width: int | None, free_height: int | None) -> tuple[int, int]:
    """MIN_WIDTH×MIN_HEIGHT, or less on a screen with less room (the title bar and frame take
    about 40 px of the height the screen leaves)."""
    width = MIN_WIDTH if free_width is None else min(MIN_WIDTH, free_width)
    height = MIN_HEIGHT if free_height is None else min(MIN_HEIGHT, max(300, free_height - 40))
    return width, height


FIRST_SIZE = (1280, 720)   # the first window (nothing remembered), where the screen has room
FRAME = 40                 # the title bar and frame, about, beside the screen's free area


def first_size(free_width: int | None, free_height: int | None) -> tuple[int, int]:
    """The first window's size: 1280×720, or the screen's free area (less the frame) where that
    is smaller (at 125 % a 1366×768 screen leaves 1093 px, and a 1280 px window put 总分/等次
    and 已保存 off the screen); never below the minimum."""
    min_w, min_h = minimum_size(free_width, free_height)
    width = FIRST_SIZE[0] if free_width is None else min(FIRST_SIZE[0], free_width)
    height = FIRST_SIZE[1] if free_height is None else min(FIRST_SIZE[1], free_height - FRAME)
    return max(width, min_w), max(height, min_h)


def checks_height(window_height: int, zoom: float = 1.0) -> int:
    """The 问题清单's first height: the grids get the window's height first (at 720 px the
    支出明细 showed three rows), the list what is left, 90–170 px (it can be dragged taller);
    on a window under 560 px (768 at 150 % less a taskbar) 64 px, a finding or two (else the
    部门指标 grid shows no row). At a 显示比例 (``zoom``, ui.zoom) of 150 % the window holds
    as many lines as one two thirds as tall: it counts as that, and the heights grow by 150 %."""
    height = window_height / zoom
    return round(max(64 if height < 560 else 90, min(CHECKS_HEIGHT, height - 600)) * zoom)
