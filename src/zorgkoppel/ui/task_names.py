"""Task labels in the current language, read once per refresh instead of once per cell."""

from __future__ import annotations

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.models import Task
from zorgkoppel.core.services.tasks import list_tasks
from zorgkoppel.i18n import current_language


class TaskNames:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._tasks: dict[str, Task] = {}
        self.reload()

    def reload(self) -> None:
        self._tasks = {task.code: task for task in list_tasks(self._ctx)}

    def label(self, code: str) -> str:
        task = self._tasks.get(code)
        return task.label(current_language()) if task else code

    def choices(self) -> list[tuple[str, str]]:
        """(code, label) sorted by label, for combo boxes."""
        return sorted(
            ((code, self.label(code)) for code in self._tasks), key=lambda c: c[1].casefold()
        )
