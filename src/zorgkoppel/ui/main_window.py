"""The main window: navigation between six screens, the menus, and keeping screens current.

Only the Overview is built at start; every other screen (and its module) is loaded the first
time it is opened, which keeps the start fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from zorgkoppel.core.changes import Changes
from zorgkoppel.core.context import ServiceContext
from zorgkoppel.i18n import N_, _, current_language
from zorgkoppel.settings import Settings, save_settings
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.account_actions import AccountActions
from zorgkoppel.ui.auto_lock import install_auto_lock
from zorgkoppel.ui.backup_schedule import BackupSchedule
from zorgkoppel.ui.language import LANGUAGE_NAMES, apply_language
from zorgkoppel.ui.screen import Screen
from zorgkoppel.ui.screens.overview import OverviewScreen
from zorgkoppel.ui.texts import Texts

if TYPE_CHECKING:
    from zorgkoppel.ui.file_operations import FileOperations
    from zorgkoppel.ui.help_window import HelpWindow

STATUS_TIMEOUT_MS = 6000


@dataclass(frozen=True)
class ScreenEntry:
    key: str
    title: str  # msgid
    module: str
    factory: str


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("overview", N_("&Overview"), "zorgkoppel.ui.screens.overview", "OverviewScreen"),
    ScreenEntry("agreements", N_("&Agreements"), "zorgkoppel.ui.screens.agreements",
                "AgreementsScreen"),
    ScreenEntry("roster", N_("&Roster"), "zorgkoppel.ui.screens.roster", "RosterScreen"),
    ScreenEntry("workers", N_("&Workers"), "zorgkoppel.ui.screens.workers", "WorkersScreen"),
    ScreenEntry("notes", N_("&Notes"), "zorgkoppel.ui.screens.notes", "NotesScreen"),
    ScreenEntry("organisations", N_("Or&ganisations"), "zorgkoppel.ui.screens.organisations",
                "OrganisationsScreen"),
    ScreenEntry("reports", N_("R&eports"), "zorgkoppel.ui.screens.reports", "ReportsScreen"),
)
SCREEN_KEYS = tuple(entry.key for entry in SCREENS)


def plain(title: str) -> str:
    """A menu title without its mnemonic ampersand, for the navigation list."""
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&")


class MainWindow(QMainWindow):
    overview_painted = Signal()
    language_changed = Signal(str)

    def __init__(
        self,
        ctx: ServiceContext,
        data_dir: Path,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data_dir = data_dir
        self.settings = settings or Settings()
        self.texts = Texts()
        self.screens: dict[str, Screen] = {}
        self._file_operations: FileOperations | None = None
        self.help_window: HelpWindow | None = None
        self.setObjectName("main_window")
        self.resize(self._initial_size())
        self.setMinimumSize(QSize(900, 560))
        self.texts.bind(self.setWindowTitle, N_("zorgkoppel"))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setFixedWidth(180)
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { background: palette(window); padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 8px 12px; }"
        )
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.navigation.setFont(font)
        for entry in SCREENS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.navigation.addItem(item)
            self.texts.bind(lambda text, item=item: item.setText(plain(text)), entry.title)
        self.texts.bind(self.navigation.setAccessibleName, N_("Screens"))
        self.stack = QStackedWidget()
        self.stack.setObjectName("stack")
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.auto_lock = install_auto_lock(self, ctx, self.settings)
        self.backups = BackupSchedule(self, data_dir, self.show_status, ctx.actor.may_write,
                                      data_key=lambda: self.ctx.db.data_key)
        if not ctx.actor.may_write:
            self.texts.bind(self.setWindowTitle, N_("zorgkoppel (read-only)"))
        overview = OverviewScreen(ctx)
        overview.first_painted.connect(self.overview_painted)
        self._adopt("overview", overview)
        self.navigation.currentRowChanged.connect(self._navigated)
        self.show_screen("overview")
        self.statusBar()
        self.accounts = AccountActions(self)  # change password, users, who is logged in

    # -- menus


    def _initial_size(self) -> QSize:
        """1400×860, but never larger than the screen's free area (a 1366×768 laptop)."""
        wanted = QSize(1400, 860)
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return wanted
        free = screen.availableGeometry().size()
        return wanted.boundedTo(QSize(free.width() - 40, free.height() - 60))
    def _action(
        self,
        menu: QMenu,
        msgid: str,
        slot: Callable[[], object],
        shortcuts: list[QKeySequence] | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(self)
        self.texts.bind(action.setText, msgid)
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _menu(self, msgid: str) -> QMenu:
        menu = self.menuBar().addMenu("")
        self.texts.bind(menu.setTitle, msgid)
        return menu

    def _build_menus(self) -> None:
        keys = QKeySequence
        file_menu = self._menu(N_("&File"))
        self.import_action = self._action(
            file_menu, N_("&Import exchange file…"), self.import_file,
            [keys(keys.StandardKey.Open)], "import",
        )
        self.export_action = self._action(
            file_menu, N_("&Export all data…"), self.export_file,
            [keys("Ctrl+E"), keys("Ctrl+Shift+S")], "export",
        )
        self.sharing_action = self._action(
            file_menu, N_("Export sharing &package…"), self.export_sharing_package, None,
            "export_sharing",
        )
        file_menu.addSeparator()
        self.demo_action = self._action(
            file_menu, N_("Load &demo data"), self.load_demo, None, "demo"
        )
        file_menu.addSeparator()
        self.lock_action = self._action(
            file_menu, N_("&Lock now"), lambda: self.auto_lock.lock_now(self.show_status),
            [keys("Ctrl+L")], "lock",
        )
        self.quit_action = self._action(
            file_menu, N_("&Quit"), self.close, [keys("Ctrl+Q")], "quit"
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = self._menu(N_("&Edit"))
        self.new_action = self._action(
            edit_menu, N_("&New"), self.new_record, [keys(keys.StandardKey.New)], "new"
        )
        self.save_action = self._action(
            edit_menu, N_("&Save"), self.save_record, [keys(keys.StandardKey.Save)], "save"
        )
        self.revert_action = self._action(
            edit_menu, N_("&Revert changes"), self.revert_record, None, "revert"
        )
        self.delete_action = self._action(
            edit_menu, N_("&Delete…"), self.delete_record, [keys(keys.StandardKey.Delete)],
            "delete",
        )
        edit_menu.addSeparator()
        self.find_action = self._action(
            edit_menu, N_("&Find"), self.focus_search, [keys(keys.StandardKey.Find)], "find"
        )

        view_menu = self._menu(N_("&View"))
        self.view_group = QActionGroup(self)
        self.view_actions: dict[str, QAction] = {}
        for number, entry in enumerate(SCREENS, start=1):
            action = self._action(
                view_menu, entry.title, lambda key=entry.key: self.show_screen(key),
                [keys(f"Ctrl+{number}")], f"view_{entry.key}",
            )
            action.setCheckable(True)
            self.view_group.addAction(action)
            self.view_actions[entry.key] = action

        settings_menu = self._menu(N_("&Settings"))
        language_menu = settings_menu.addMenu("")
        self.texts.bind(language_menu.setTitle, N_("&Language"))
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action
        settings_menu.addSeparator()
        self.backup_settings_action = self._action(
            settings_menu, N_("&Backups…"), self.show_backup_settings, None, "backups")
        self.privacy_settings_action = self._action(
            settings_menu, N_("&Privacy and security…"), self.show_privacy_settings, None,
            "privacy_settings")
        self.restore_action = self._action(
            settings_menu, N_("&Restore a backup…"), self.choose_backup_to_restore, None,
            "restore_backup")
        self.encrypt_action = self._action(
            settings_menu, N_("&Encrypt the data…"), self.encrypt_data, None, "encrypt_data")
        self.decrypt_action = self._action(
            settings_menu, N_("Store the data &unencrypted…"), self.decrypt_data, None,
            "decrypt_data")
        self.update_encryption_actions()

        help_menu = self._menu(N_("&Help"))
        help_keys = [keys("F1")]
        standard = keys(keys.StandardKey.HelpContents)
        if not standard.isEmpty() and standard != help_keys[0]:
            help_keys.append(standard)  # Ctrl+? on macOS
        self.help_action = self._action(help_menu, N_("&User guide"), self.show_help,
                                        help_keys, "user_guide")
        self.about_action = self._action(help_menu, N_("&About zorgkoppel"), self.show_about,
                                         None, "about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    # -- screens

    def _adopt(self, key: str, screen: Screen) -> None:
        screen.setObjectName(f"screen_{key}")
        self.screens[key] = screen
        self.stack.addWidget(screen)
        screen.data_changed.connect(lambda changes, source=screen: self.apply_changes(
            changes, source
        ))
        screen.edit_state_changed.connect(self._update_edit_actions)
        screen.open_record.connect(self.open_record)
        screen.status_message.connect(self.show_status)

    def screen(self, key: str) -> Screen:
        """The screen `key`, built now if this is the first time it is needed."""
        if key not in self.screens:
            entry = next(e for e in SCREENS if e.key == key)
            factory = getattr(importlib.import_module(entry.module), entry.factory)
            self._adopt(key, factory(self.ctx))
        return self.screens[key]

    def current_key(self) -> str:
        widget = self.stack.currentWidget()
        for key, screen in self.screens.items():
            if screen is widget:
                return key
        return "overview"

    def current_screen(self) -> Screen:
        return self.screens[self.current_key()]

    def show_screen(self, key: str) -> Screen:
        screen = self.screen(key)
        self.stack.setCurrentWidget(screen)
        row = SCREEN_KEYS.index(key)
        if self.navigation.currentRow() != row:
            blocked = self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(row)
            self.navigation.blockSignals(blocked)
        self.view_actions[key].setChecked(True)
        self._update_edit_actions()
        return screen

    def _navigated(self, row: int) -> None:
        if 0 <= row < len(SCREEN_KEYS):
            self.show_screen(SCREEN_KEYS[row])

    def open_record(self, key: str, record_id: str) -> None:
        self.show_screen(key).select_record(record_id)

    # -- keeping screens current

    def apply_changes(self, changes: Changes, source: Screen | None = None) -> None:
        """Refresh the screens that show what changed (the source refreshed itself)."""
        for screen in self.screens.values():
            if screen is not source:
                screen.changed_elsewhere(changes)
        self._update_edit_actions()
        self.backups.note_change()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    # -- Edit menu

    def _update_edit_actions(self) -> None:
        screen = self.stack.currentWidget()
        if not isinstance(screen, Screen):
            return
        editable = screen.can_edit()
        self.new_action.setEnabled(editable)
        self.save_action.setEnabled(editable and screen.is_dirty())
        self.revert_action.setEnabled(editable and screen.is_dirty())
        self.delete_action.setEnabled(editable and screen.can_delete())
        self.find_action.setEnabled(key_has_search(self.current_key()))

    def new_record(self) -> None:
        self.current_screen().new_record()

    def save_record(self) -> None:
        self.current_screen().save_record()

    def revert_record(self) -> None:
        self.current_screen().revert_record()

    def delete_record(self) -> None:
        self.current_screen().delete_record()

    def focus_search(self) -> None:
        self.current_screen().focus_search()

    # -- File menu

    def file_operations(self) -> FileOperations:
        if self._file_operations is None:
            from zorgkoppel.ui.file_operations import FileOperations

            self._file_operations = FileOperations(
                self, self.ctx, self.apply_changes, self.show_status
            )
        return self._file_operations

    def import_file(self) -> None:
        if self._settle_all():
            self.file_operations().import_file()

    def export_sharing_package(self) -> None:
        from zorgkoppel.ui.sharing_export import export_sharing_package

        status = export_sharing_package(self, self.ctx)
        if status:
            self.show_status(status)

    def export_file(self) -> None:
        if self._settle_all():
            self.file_operations().export_file()

    def load_demo(self) -> None:
        if self._settle_all():
            self.file_operations().ask_and_load_demo()

    def offer_demo(self) -> None:
        """At the first start with an empty database, offer the demo data once."""
        from zorgkoppel.core.services.dataset import is_empty

        if self.settings.demo_offered or not self.ctx.actor.may_write or not is_empty(self.ctx):
            return
        wanted = dialogs.ask_load_demo(self)
        self.settings.demo_offered = True
        save_settings(self.data_dir, self.settings)
        if wanted:
            self.file_operations().load_demo()

    def _settle_all(self) -> bool:
        """Unsaved edits are saved or discarded (as the user says) before data is replaced."""
        return all(screen.confirm_leave() for screen in self.screens.values())

    # -- Settings and Help

    def set_language(self, language: str) -> None:
        code = apply_language(language)
        self.settings.language = code
        save_settings(self.data_dir, self.settings)
        self.retranslate()
        self.language_changed.emit(code)

    def retranslate(self) -> None:
        self.texts.retranslate()
        for code, action in self.language_actions.items():
            action.setChecked(code == current_language())
        for screen in self.screens.values():
            screen.retranslate()
        if self.help_window is not None:
            self.help_window.set_language(current_language())

    def show_backup_settings(self) -> None:
        from zorgkoppel.ui.settings_dialog import BackupSettingsDialog

        dialog = BackupSettingsDialog(self.data_dir, self.backups, self)
        dialogs.exec_dialog(dialog)
        dialog.deleteLater()

    def show_privacy_settings(self) -> None:
        from zorgkoppel.ui.privacy_settings import PrivacySettingsDialog

        dialog = PrivacySettingsDialog(self.data_dir, self)
        dialogs.exec_dialog(dialog)
        dialog.deleteLater()

    def choose_backup_to_restore(self) -> None:
        from zorgkoppel.storage.backup import backup_folders, list_backups
        from zorgkoppel.ui.restore_dialog import RestoreDialog

        if not self.ctx.actor.may_write:
            self.show_status(_("The data is open read-only here; restore it in the window "
                               "that has it open."))
            return
        if not self.ctx.actor.unrestricted:
            self.show_status(_("Only an administrator may do this."))
            return
        if not self._settle_all():
            return
        dialog = RestoreDialog(list_backups(backup_folders(self.data_dir, self.settings)), self,
                               key=self.ctx.db.data_key)
        dialogs.exec_dialog(dialog)
        chosen = dialog.chosen
        dialog.deleteLater()
        if chosen is not None:
            self.restore_from(chosen)

    def restore_from(self, backup: Path) -> None:
        """Close the database, restore `backup` in its place, reopen, and show the new data."""
        from zorgkoppel.core.changes import ALL_CHANGED
        from zorgkoppel.core.errors import ZorgkoppelError
        from zorgkoppel.core.services import audit
        from zorgkoppel.paths import DATABASE_FILE
        from zorgkoppel.storage.opening import open_database
        from zorgkoppel.storage.restore import restore_backup
        from zorgkoppel.storage.sqlite_driver import file_is_encrypted

        # The backups of an encrypted folder have its key; one from before the encryption
        # is plain, and so is the data after restoring it.
        key = self.ctx.db.data_key
        self.ctx.db.dispose()
        try:
            result = restore_backup(self.data_dir, backup, key=key)
        except (ZorgkoppelError, OSError) as error:
            dialogs.show_error(self, _("Restore a backup"), str(error))
            return
        finally:
            # Every screen shares this context: they all read the restored data from now on.
            live = self.data_dir / DATABASE_FILE
            self.ctx.db = open_database(
                self.data_dir, key=key if file_is_encrypted(live) else None)
        audit.record(self.ctx, audit.RESTORE)
        self.apply_changes(ALL_CHANGED)
        self.backups.changed = False
        dialogs.inform(self, _("Restore a backup"), _(
            "The backup was restored. The data as it was before is kept in {path}."
        ).format(path=result.safety_copy))

    def encrypt_data(self) -> None:
        from zorgkoppel.ui.encryption_actions import encrypt_data

        encrypt_data(self)

    def decrypt_data(self) -> None:
        from zorgkoppel.ui.encryption_actions import decrypt_data

        decrypt_data(self)

    def update_encryption_actions(self) -> None:
        encrypted = self.ctx.db.data_key is not None
        allowed = self.ctx.actor.may_write and self.ctx.actor.unrestricted
        self.encrypt_action.setVisible(not encrypted)
        self.decrypt_action.setVisible(encrypted)
        for action in (self.encrypt_action, self.decrypt_action):
            action.setEnabled(allowed)

    def show_help(self, topic: str | None = None) -> None:
        """The user guide beside the window, on the page of the current screen."""
        from zorgkoppel.ui.help_window import HelpWindow
        from zorgkoppel.user_guide import topic_for_screen

        if self.help_window is None:
            self.help_window = HelpWindow(self)
        elif self.help_window.language != current_language():
            self.help_window.set_language(current_language())
        self.help_window.show_topic(topic or topic_for_screen(self.current_key()))
        self.help_window.bring_forward()

    def show_about(self) -> None:
        from zorgkoppel.storage.backup import backup_folders, last_backup
        from zorgkoppel.storage.schema import stored_revision
        from zorgkoppel.ui.about import AboutDialog

        path = self.ctx.db.path
        database = str(path) if path else self.ctx.db.engine.url.render_as_string(
            hide_password=True
        )
        newest = last_backup(backup_folders(self.data_dir, self.settings))
        dialog = AboutDialog(self.data_dir, database, self, revision=stored_revision(self.ctx.db),
                             last_backup=newest.taken_at if newest else None)
        dialogs.exec_dialog(dialog)
        dialog.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        from zorgkoppel.ui.background import is_busy

        if is_busy():
            # An import or export is writing: stopping now would leave it half done.
            self.show_status(_("Please wait until the current operation has finished."))
            event.ignore()
        elif self._settle_all():
            self.backups.back_up_on_close()
            self.auto_lock.stop()
            if self.help_window is not None:
                self.help_window.close()
            event.accept()
        else:
            event.ignore()


def key_has_search(key: str) -> bool:
    return key != "overview"
