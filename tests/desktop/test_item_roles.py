"""The roles written out as ints in desktop/item_roles.py are Qt's own."""

from PySide6.QtCore import Qt

from desktop import item_roles


def test_each_role_is_qts_value():
    assert Qt.ItemDataRole.DisplayRole.value == item_roles.DISPLAY_ROLE
    assert Qt.ItemDataRole.ToolTipRole.value == item_roles.TOOLTIP_ROLE
    assert Qt.ItemDataRole.AccessibleTextRole.value == item_roles.ACCESSIBLE_TEXT_ROLE
    assert Qt.ItemDataRole.UserRole.value == item_roles.USER_ROLE
