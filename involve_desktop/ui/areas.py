"""The main window's areas: what each is called, how it is made, and its menu actions.

Only Home is made at start; every other area is made (and loads its data) the first time
it is shown or touched, so the window opens quickly on a large organisation's data and an
area nobody visits costs nothing. Each area's module is imported only then too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from involve_desktop.core.permissions import Permission

if TYPE_CHECKING:
    from involve_desktop.ui.main_window import MainWindow

TextOrNone = str | Callable[[], str | None] | None


class Area:
    """One entry of the sidebar: its widget is made by ``make`` when first needed."""

    def __init__(
        self,
        key: str,
        title: str,
        make: Callable[[], QWidget],
        new_text: TextOrNone = None,
        on_new: Callable[[], object] | None = None,
        on_search: Callable[[], object] | None = None,
        print_text: TextOrNone = None,
        on_print: Callable[[], object] | None = None,
    ) -> None:
        self.key = key
        self.title = title
        self._make = make
        self._widget: QWidget | None = None
        # The File menu's Ctrl+N action in this area, e.g. "Add member…"; a callable when it
        # depends on the area's current tab (None then: nothing to add there).
        self.new_text = new_text
        self.on_new = on_new
        self.on_search = on_search  # Ctrl+F: focus this area's search box
        self.print_text = print_text  # e.g. "Print this week's rota…"
        self.on_print = on_print
        self.placeholder = QWidget()  # stands in the window's stack until the area is made
        self.placeholder.setAccessibleName(title)
        self.made: Callable[[Area], None] | None = None  # told once, when the widget exists

    @property
    def is_made(self) -> bool:
        """Whether the area's widget exists yet."""
        return self._widget is not None

    @property
    def widget(self) -> QWidget:
        """The area's widget, made (and its data loaded) on first use."""
        if self._widget is None:
            self._widget = self._make()
            if self.made is not None:
                self.made(self)
        return self._widget

    def current_new_text(self) -> str | None:
        """The Ctrl+N text now (None: nothing to add here)."""
        return self.new_text() if callable(self.new_text) else self.new_text

    def current_print_text(self) -> str | None:
        """The Ctrl+P text now (None: print the sign-in sheet)."""
        return self.print_text() if callable(self.print_text) else self.print_text


def plan_areas(window: MainWindow) -> list[Area]:
    """The areas ``window``'s account may use, in sidebar order; each made on first use."""
    actor = window.actor
    can = actor.can
    home = Area("home", "Home", lambda: window.home_view)
    add_member = can(Permission.EDIT_MEMBERS)
    members = Area(
        "members",
        "Members",
        lambda: _make_members(window),
        "&Add member…" if add_member else None,
        (lambda: window.members_view.add_member()) if add_member else None,
        lambda: window.members_view.focus_search(),
        lambda: _members_print_text(window, members),
        lambda: window.members_view.print_shown() or window.print_prepared("blank-sign-in", {}),
    )
    areas = [home, members]
    if can(Permission.VIEW_ROTA):
        manage = can(Permission.MANAGE_ROTA)
        areas.append(
            Area(
                "rota",
                "Rota",
                lambda: _make_rota(window),
                "&Add shift…" if manage else None,
                (lambda: window.area_view("rota").add_shift()) if manage else None,
                lambda: window.area_view("rota").find_person(),
                "&Print this week's rota…",
                lambda: window.area_view("rota").print_week(),
            )
        )
    if can(Permission.VIEW_MEETINGS):
        runs = can(Permission.RUN_MEETINGS)
        areas.append(
            Area(
                "meetings",
                "Meetings",
                lambda: _make_meetings(window),
                "&New meeting…" if runs else None,
                (lambda: window.area_view("meetings").new_item()) if runs else None,
                lambda: window.area_view("meetings").focus_search(),
                "&Print sign-in sheets…" if runs else None,
                (lambda: window.area_view("meetings").print_sign_in()) if runs else None,
            )
        )
    if can(Permission.VIEW_COHORTS):
        manage_cohorts = can(Permission.MANAGE_COHORTS)
        areas.append(
            Area(
                "cohorts",
                "Cohorts",
                lambda: _make_cohorts(window),
                "&New cohort…" if manage_cohorts else None,
                (lambda: window.area_view("cohorts").new_cohort()) if manage_cohorts else None,
                lambda: window.area_view("cohorts").focus_search(),
                "&Print certificates or register…",
                lambda: window.area_view("cohorts").print_chosen(),
            )
        )
    if can(Permission.VIEW_PANELS):
        manages = can(Permission.MANAGE_PANELS)
        areas.append(
            Area(
                "panels",
                "Panels",
                lambda: _make_panels(window),
                "&New panel…" if manages else None,
                (lambda: window.area_view("panels").new_panel()) if manages else None,
                lambda: window.area_view("panels").focus_list(),
                "&Print panel pack…",
                lambda: window.area_view("panels").print_pack(),
            )
        )
    if can(Permission.VIEW_PAYMENTS):
        manage_pay = can(Permission.MANAGE_PAYMENTS)
        areas.append(
            Area(
                "payments",
                "Payments",
                lambda: _make_payments(window),
                "&Add expense claim…" if manage_pay else None,
                (lambda: window.area_view("payments").new_item()) if manage_pay else None,
                lambda: window.area_view("payments").focus_search(),
                "&Print the finance batch…",
                lambda: window.area_view("payments").print_batch(),
            )
        )
    if can(Permission.VIEW_INVOLVEMENT):
        areas.append(
            Area(
                "involvement",
                "Involvement",
                lambda: _make_involvement(window),
                lambda: window.area_view("involvement").new_text(),
                lambda: window.area_view("involvement").add_new(),
                print_text=lambda: window.area_view("involvement").print_text(),
                on_print=lambda: window.area_view("involvement").print_sheet(),
            )
        )
    areas += [
        Area(
            "sheets",
            "Sheets",
            lambda: _make_sheets(window),
            print_text="&Print the selected sheet…",
            on_print=lambda: window.area_view("sheets").preview(),
        ),
        Area("settings", "Settings", lambda: _make_settings(window)),
    ]
    return areas


def _make_members(window: MainWindow) -> QWidget:
    from involve_desktop.ui.members.members_view import MembersView

    view = MembersView(window.context, window.actor)
    view.print_requested.connect(lambda key, values: print_members(window, key, values))
    view.filters.changed.connect(window.refresh_actions)  # Ctrl+P's words follow the filters
    return view


def _members_print_text(window: MainWindow, area: Area) -> str | None:
    """Ctrl+P's words in Members: what the list as filtered prints (before the list is made:
    what the unfiltered list would)."""
    if area.is_made:
        return window.members_view.print_text()
    from involve_desktop.core.services.member_dto import MemberFilter
    from involve_desktop.ui.members.list_print import member_print

    choice = member_print(window.actor, MemberFilter(), None)
    return choice.menu_text if choice is not None else None


def print_members(window: MainWindow, key: str, values: dict) -> None:
    """Go to Sheets with member sheet ``key``, its "Who" and role chosen as in ``values``
    (drop-downs) and typed inputs filled, and preview it (``MainWindow.print_prepared`` for
    the drop-downs of member sheets)."""
    from involve_desktop.core.sheets.params import MemberScope, SheetField

    window.show_area("sheets")
    view = window.sheets_view
    view.refresh_roles()  # a role added in Settings since Sheets was last shown
    view.select_sheet(key)
    form = view.form
    form.search_edit.clear()  # no filter left over from an earlier Ctrl+P
    form.consent_check.setChecked(False)
    _choose(form.role_combo, None)
    for name, text in values.items():
        field = SheetField(name)  # a signal hands the keys over as plain strings
        if field is SheetField.MEMBERS:
            _choose(form.members_combo, MemberScope(text))
        elif field is SheetField.ROLE:
            _choose(form.role_combo, text)
        elif field is SheetField.CONSENT_DUE:
            form.consent_check.setChecked(text == "yes")
        else:
            form.set_text(field, text)
    view.preview()


def _choose(combo: QComboBox, value: object) -> None:
    """Choose the item of ``combo`` whose data is ``value`` (left as it is if none is)."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return


def _make_rota(window: MainWindow) -> QWidget:
    from involve_desktop.ui.rota.rota_view import RotaView

    view = RotaView(window.context, window.actor)
    view.print_requested.connect(window.print_prepared)
    return view


def _make_meetings(window: MainWindow) -> QWidget:
    from involve_desktop.ui.meetings.meetings_view import MeetingsView

    return MeetingsView(window.context, window.actor)


def _make_cohorts(window: MainWindow) -> QWidget:
    from involve_desktop.ui.cohorts.cohorts_view import CohortsView

    return CohortsView(window.context, window.actor)


def _make_panels(window: MainWindow) -> QWidget:
    from involve_desktop.ui.panels.panels_view import PanelsView

    view = PanelsView(window.context, window.actor)
    view.member_requested.connect(window.show_member)
    return view


def _make_payments(window: MainWindow) -> QWidget:
    from involve_desktop.ui.payments.payments_view import PaymentsView

    return PaymentsView(window.context, window.actor)


def _make_involvement(window: MainWindow) -> QWidget:
    from involve_desktop.ui.involvement.involvement_view import InvolvementView

    view = InvolvementView(window.context, window.actor)
    view.tabs.currentChanged.connect(lambda _index: window.refresh_actions())
    return view


def _make_sheets(window: MainWindow) -> QWidget:
    from involve_desktop.core.sheets.catalogue import SheetData
    from involve_desktop.ui.sheets.sheets_view import SheetsView

    data = SheetData(window.context.sessions, window.actor)
    return SheetsView(lambda: window.group_name, data=data)


def _make_settings(window: MainWindow) -> QWidget:
    from involve_desktop.ui.settings.settings_view import SettingsView

    view = SettingsView(window.context, window.actor)
    if view.group_tab is not None:
        view.group_tab.renamed.connect(window.rename_group)
    if view.panels_tab is not None:
        view.panels_tab.saved.connect(lambda _policy: window.refresh_area_if_made("panels"))
    if view.lock_tab is not None:
        view.lock_tab.saved.connect(window.lock_controller.set_minutes)
    return view
