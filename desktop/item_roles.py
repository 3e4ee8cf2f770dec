"""Item data roles as the plain ints that Qt's model API passes (the values of Qt.ItemDataRole).

Written out so that the first view's modules need not touch PySide's `Qt` namespace before the
window shows: PySide creates all 93 of its Python enums on first access, about 30 ms, a fifth of
a bare PySide6 window's whole start (issue 14). tests/desktop/test_item_roles.py pins each value
to Qt's own.
"""

DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 0x0100  # the first role free for the application's own data
