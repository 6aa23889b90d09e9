"""The forms of one app, each built once and kept installed (see `form_base`).

Its own small module: the main screen holds the shelf from the start, and the
forms' widgets are imported only when the first form opens (`forms`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from textual.app import App

    from helpdesk_tui.ui.controller import ExamController
    from helpdesk_tui.ui.screens.confirm import ConfirmScreen
    from helpdesk_tui.ui.screens.form_base import FormScreen

F = TypeVar("F", bound="FormScreen")


def leaving(app: App[Any]) -> bool:
    """Whether the app is on its way out: `exit` was called, or its shutdown began. A
    form built then is mounted while Textual closes the screens, and its `on_mount` found
    no fields (`NoMatches: '#form-fields'`, suite-time7): no form work once this is true."""
    return app._exit or app._closing or app._closed  # noqa: SLF001 (Textual has no public flag)


class FormShelf:
    """Each form built on first use, installed, and refilled on every later open.

    A form still on the screen stack is not taken (a second open before the first
    closed): that use gets a throwaway copy, removed when it closes, as before.
    """

    def __init__(self, app: App[Any], controller: ExamController) -> None:
        self._app = app
        self._controller = controller
        self._forms: dict[tuple[str, str], FormScreen] = {}
        self._confirm: ConfirmScreen | None = None

    def take(self, cls: type[F], *args: Any, **kwargs: Any) -> F:
        """The form of class `cls` prepared with these arguments, ready to push."""
        key = (cls.__name__, cls.variant(*args, **kwargs))
        form = self._forms.get(key)
        if form is None or form in self._app.screen_stack:
            built = cls(self._controller)
            built.prepare(*args, **kwargs)
            if form is None:
                self._app.install_screen(built, f"form:{key[0]}:{key[1]}")
                self._forms[key] = built
            return built
        assert isinstance(form, cls)
        form.prepare(*args, **kwargs)
        if form.is_mounted and not leaving(self._app):  # its widgets may be going
            form.refill()
        return form

    def confirm(self, question: str, detail: str) -> ConfirmScreen:
        """The yes/no question (closing a ticket), kept as the forms are."""
        from helpdesk_tui.ui.screens.confirm import ConfirmScreen

        kept = self._confirm
        if kept is not None and kept not in self._app.screen_stack:
            return kept.ask(question, detail)
        screen = ConfirmScreen(question, detail)
        if kept is None:
            self._app.install_screen(screen, "form:confirm")
            self._confirm = screen
        return screen

    def build_ahead(self, cls: type[F], *args: Any, **kwargs: Any) -> bool:
        """Build (compose and mount, off screen) the form `take` would build for these
        arguments, if it is not built yet; whether it built one.

        The first open of a form kind composes its ~30 widgets: ~100 ms of CPU, several
        hundred ms of wall time on a sitting server with 30 exams (bench_sitting: "note
        form open" p95 0.7 s, and the keys typed into it waited for its focus). Called
        when the candidate is not typing, it moves that cost out of the candidate's way;
        the later open only refills the form (`take`).
        """
        key = (cls.__name__, cls.variant(*args, **kwargs))
        if key in self._forms or leaving(self._app):
            return False
        form = self.take(cls, *args, **kwargs)
        self._app._get_screen(form)  # noqa: SLF001 (Textual's own way to mount an installed screen)
        return True

    @property
    def forms(self) -> list[FormScreen]:
        """The kept forms, one per kind and build."""
        return list(self._forms.values())
