"""The first-run guide (a QWizard) for an empty data folder: language, who you are, the
first administrator, demo or empty, backups, and where everything lives.

It only collects answers; core.services.first_setup checks each page on Next and makes
everything on Finish, so closing the guide halfway leaves nothing made.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from zorgkoppel.core.context import ServiceContext
from zorgkoppel.core.errors import Problem, ZorgkoppelError
from zorgkoppel.core.rules.enterprise_number import normalise_enterprise_number
from zorgkoppel.core.services.accounts import UserData
from zorgkoppel.core.services.first_setup import (
    JOIN,
    OWN,
    FirstSetup,
    SetupResult,
    apply_first_setup,
    check_admin,
    check_backup_folder,
    check_join_file,
    check_organisation,
)
from zorgkoppel.i18n import N_, _, current_language
from zorgkoppel.storage.backup import backup_folder
from zorgkoppel.ui import dialogs
from zorgkoppel.ui.field_errors import FieldErrors, error_label
from zorgkoppel.ui.forms.organisation_form import OrganisationForm
from zorgkoppel.ui.forms.record_form import problems_of
from zorgkoppel.ui.language import LANGUAGE_NAMES, apply_language
from zorgkoppel.ui.texts import Texts


def _wrapped(texts: Texts, msgid: str, name: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    texts.bind(label.setText, msgid)
    return label


class _Page(QWizardPage):
    def __init__(self, guide: FirstRunGuide, name: str, title: str, subtitle: str) -> None:
        super().__init__()
        self.guide = guide
        self.setObjectName(name)
        guide.texts.bind(self.setTitle, title)
        # In the page, not the wizard's subtitle: that has room for two lines only.
        self.intro = _wrapped(guide.texts, subtitle, f"{name}_intro")
        self.general_error = error_label()
        self.general_error.setObjectName(f"{name}_error")
        self.errors = FieldErrors(self.general_error)
        guide.texts.on_retranslate(self.errors.retranslate)

    def problem_label(self, field: str) -> QLabel:
        label = error_label()
        label.setObjectName(f"error_{field}")
        self.errors.add(field, label)
        return label

    def shown(self, problems: list[Problem]) -> bool:
        """Show the page's problems; True when there are none (Next may go on)."""
        self.errors.show(problems)
        return not problems


class LanguagePage(_Page):
    def __init__(self, guide: FirstRunGuide) -> None:
        super().__init__(guide, "page_language", N_("Welcome to zorgkoppel"), N_(
            "This guide sets up this computer in a few minutes. Choose your language; you can "
            "change it later in Settings ▸ Language."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        self.buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for code, name in LANGUAGE_NAMES.items():
            button = QRadioButton(name)
            button.setObjectName(f"language_{code}")
            button.setChecked(code == current_language())
            button.toggled.connect(lambda on, code=code: on and guide.switch_language(code))
            group.addButton(button)
            layout.addWidget(button)
            self.buttons[code] = button
        layout.addStretch(1)


class WhoPage(_Page):
    def __init__(self, guide: FirstRunGuide) -> None:
        super().__init__(guide, "page_who", N_("Who are you?"), N_(
            "Describe your own organisation, or join an installation that already runs "
            "elsewhere by opening its exchange file."))
        texts = guide.texts
        self.own = QRadioButton()
        self.own.setObjectName("start_own")
        texts.bind(self.own.setText, N_("Set up &my organisation"))
        self.own.setChecked(True)
        self.join = QRadioButton()
        self.join.setObjectName("start_join")
        texts.bind(self.join.setText, N_("&Join an existing installation (an exchange file)"))
        self.form = OrganisationForm(guide.ctx)
        self.form.heading.hide()
        self.number_check = QLabel()
        self.number_check.setObjectName("enterprise_number_check")
        self.form.enterprise_number.textChanged.connect(self._check_number)
        texts.on_retranslate(self._check_number)
        self.join_file = QLineEdit()
        self.join_file.setObjectName("join_file")
        self.choose = texts.button(N_("Choose…"), self._choose_file, "choose_join_file")
        file_row = QHBoxLayout()
        file_row.addWidget(self.join_file, 1)
        file_row.addWidget(self.choose)
        self.join_error = self.problem_label("join_file")
        self.join_box = QWidget()
        join_layout = QVBoxLayout(self.join_box)
        join_layout.setContentsMargins(24, 0, 0, 0)
        join_layout.addLayout(file_row)
        join_layout.addWidget(self.join_error)
        self.form_box = QWidget()
        form_layout = QVBoxLayout(self.form_box)
        form_layout.setContentsMargins(24, 0, 0, 0)
        form_layout.addWidget(self.form)
        # Right under the number, above the form's own problem text for it.
        holder = self.form.errors.label_for("enterprise_number").parentWidget()
        column = holder.layout() if holder is not None else None
        if isinstance(column, QVBoxLayout):
            column.insertWidget(1, self.number_check)
        else:
            form_layout.addWidget(self.number_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.own)
        layout.addWidget(self.form_box)
        layout.addWidget(self.join)
        layout.addWidget(self.join_box)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.own.toggled.connect(self._start_changed)
        self._start_changed()

    def _start_changed(self) -> None:
        own = self.own.isChecked()
        self.form_box.setEnabled(own)
        self.join_box.setEnabled(not own)

    def _check_number(self) -> None:
        """Say at once whether the enterprise number is valid, as it is typed."""
        text = self.form.enterprise_number.text().strip()
        digits = sum(character.isdigit() for character in text)
        if not text:
            self.number_check.setText("")
        elif normalise_enterprise_number(text) is not None:
            self.number_check.setText(_("✓ a valid enterprise number: {number}").format(
                number=normalise_enterprise_number(text)))
        elif digits < 10:
            self.number_check.setText(_("{count} of 10 digits").format(count=digits))
        else:
            self.number_check.setText(_(
                "✗ not a valid enterprise number: the last two digits are a mod-97 check"))

    def _choose_file(self) -> None:
        path = dialogs.ask_open_path(self, _("Exchange file of the installation"))
        if path is not None:
            self.join_file.setText(str(path))

    def validatePage(self) -> bool:
        if self.join.isChecked():
            return self.shown(check_join_file(self.chosen_file()))
        problems = check_organisation(self.form.data())
        self.form.errors.show(problems)
        return not problems

    def chosen_file(self) -> Path | None:
        text = self.join_file.text().strip()
        return Path(text).expanduser() if text else None


class AccountPage(_Page):
    def __init__(self, guide: FirstRunGuide) -> None:
        super().__init__(guide, "page_account", N_("The first administrator"), N_(
            "With accounts, everyone logs in with their own name and password, sees only what "
            "their role allows, and every access is recorded. The first account is an "
            "administrator, who adds the others in Settings ▸ Users."))
        texts = guide.texts
        self.make = QCheckBox()
        self.make.setObjectName("make_admin")
        texts.bind(self.make.setText, N_("&Make the administrator account now"))
        self.make.setChecked(True)
        self.user_name = QLineEdit()
        self.user_name.setObjectName("user_name")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("password_again")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        for caption, editor, field in (
            (N_("&User name:"), self.user_name, "user_name"),
            (N_("&Display name:"), self.display_name, "display_name"),
            (N_("&Password:"), self.password, "password"),
            (N_("Password &again:"), self.password_again, "password_again"),
        ):
            label = QLabel()
            texts.bind(label.setText, caption)
            label.setBuddy(editor)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(self.problem_label(field))
            form.addRow(label, column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.make)
        layout.addWidget(self.fields)
        layout.addWidget(_wrapped(texts, N_(
            "Without an account zorgkoppel runs as one local owner without a login, as on a "
            "computer only you use; you can make the first account later in Settings ▸ "
            "Users.")))
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.make.toggled.connect(self.fields.setEnabled)

    def admin(self) -> UserData | None:
        if not self.make.isChecked():
            return None
        return UserData(user_name=self.user_name.text(), role="admin",
                        display_name=self.display_name.text().strip())

    def validatePage(self) -> bool:
        return self.shown(check_admin(self.guide.setup()))


class StartPage(_Page):
    def __init__(self, guide: FirstRunGuide) -> None:
        super().__init__(guide, "page_start", N_("Demo data or an empty start"), N_(
            "The demo data is a small made-up set to try everything out: a day-care centre, a "
            "residential care centre, two enterprises, about fifteen workers, agreements, "
            "rosters and notes."))
        texts = guide.texts
        self.empty = QRadioButton()
        self.empty.setObjectName("start_empty")
        texts.bind(self.empty.setText, N_("Start &empty"))
        self.empty.setChecked(True)
        self.demo = QRadioButton()
        self.demo.setObjectName("start_demo")
        texts.bind(self.demo.setText, N_("Load the &demo data (to try things out)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.empty)
        layout.addWidget(self.demo)
        layout.addStretch(1)


class BackupPage(_Page):
    def __init__(self, guide: FirstRunGuide) -> None:
        super().__init__(guide, "page_backup", N_("Backups"), N_(
            "zorgkoppel makes a checked backup when you close it and every 30 minutes while "
            "you work. A second folder on a USB stick or a network share keeps a copy for "
            "when this computer's disk fails."))
        texts = guide.texts
        self.folder = QLabel(str(backup_folder(guide.data_dir)))
        self.folder.setObjectName("backup_folder")
        self.folder.setWordWrap(True)
        self.second = QLineEdit()
        self.second.setObjectName("second_backup_folder")
        texts.bind(self.second.setPlaceholderText, N_("(none: only the backups on this disk)"))
        choose = texts.button(N_("Choose…"), self._choose, "choose_second_folder")
        row = QHBoxLayout()
        row.addWidget(self.second, 1)
        row.addWidget(choose)
        form = QFormLayout()
        caption = QLabel()
        texts.bind(caption.setText, N_("Backup folder:"))
        form.addRow(caption, self.folder)
        second_caption = QLabel()
        texts.bind(second_caption.setText, N_("&Second backup folder:"))
        second_caption.setBuddy(self.second)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addWidget(self.problem_label("second_backup_folder"))
        form.addRow(second_caption, column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

    def _choose(self) -> None:
        folder = dialogs.ask_folder(self, _("Second backup folder"))
        if folder is not None:
            self.second.setText(str(folder))

    def chosen(self) -> Path | None:
        text = self.second.text().strip()
        return Path(text).expanduser() if text else None

    def validatePage(self) -> bool:
        return self.shown(check_backup_folder(self.guide.data_dir, self.chosen()))


class DonePage(_Page):
    def __init__(self, guide: FirstRunGuide) -> None:
        super().__init__(guide, "page_done", N_("Ready"), N_(
            "Finish makes what you chose. Until then nothing has been stored."))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.summary)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        guide.texts.on_retranslate(self.initializePage)

    def initializePage(self) -> None:
        guide = self.guide
        lines = [_("Your data lives in {folder}.").format(folder=guide.data_dir),
                 _("Backups go to {folder}.").format(folder=backup_folder(guide.data_dir))]
        second = guide.backup.chosen()
        if second is not None:
            lines.append(_("A copy of every backup goes to {folder}.").format(folder=second))
        admin = guide.account.admin()
        if admin is not None:
            lines.append(_(
                "Finish makes the administrator {name}. From the next start on, zorgkoppel "
                "asks for a user name and password; Settings ▸ Encrypt the data… protects "
                "the file with that password.").format(name=admin.user_name.strip().lower()))
        else:
            lines.append(_(
                "Without accounts the next step offers to encrypt the data with a passphrase, "
                "which a lost laptop then does not give away."))
        lines.append(_(
            "Help ▸ User guide (F1) explains the morning roster, agreements and contracts, "
            "guidance notes and backups."))
        self.summary.setText("\n\n".join(lines))

    def validatePage(self) -> bool:
        return self.guide.make()


class FirstRunGuide(QWizard):
    """`result` holds what Finish made (None until then: a closed guide made nothing)."""

    def __init__(self, ctx: ServiceContext, data_dir: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_guide")
        self.ctx = ctx
        self.data_dir = data_dir
        self.texts = Texts()
        self.result_made: SetupResult | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(680, 560)
        self.texts.bind(self.setWindowTitle, N_("zorgkoppel: first start"))
        for which, msgid in (
            (QWizard.WizardButton.BackButton, N_("< &Back")),
            (QWizard.WizardButton.NextButton, N_("&Next >")),
            (QWizard.WizardButton.FinishButton, N_("&Finish")),
            (QWizard.WizardButton.CancelButton, N_("Cancel")),
        ):
            self.texts.bind(lambda text, which=which: self.setButtonText(which, text), msgid)
        self.language = LanguagePage(self)
        self.who = WhoPage(self)
        self.account = AccountPage(self)
        self.start = StartPage(self)
        self.backup = BackupPage(self)
        self.done_page = DonePage(self)
        for page in (self.language, self.who, self.account, self.start, self.backup,
                     self.done_page):
            self.addPage(page)

    def switch_language(self, code: str) -> None:
        apply_language(code)
        self.texts.retranslate()
        self.who.form.texts.retranslate()

    def setup(self) -> FirstSetup:
        own = self.who.own.isChecked()
        return FirstSetup(
            language=current_language(),
            start=OWN if own else JOIN,
            organisation=self.who.form.data() if own else None,
            join_file=None if own else self.who.chosen_file(),
            admin=self.account.admin(),
            password=self.account.password.text(),
            password_again=self.account.password_again.text(),
            demo=self.start.demo.isChecked(),
            second_backup_folder=self.backup.chosen(),
        )

    def make(self) -> bool:
        """Finish: make everything, or show why not and stay on the last page."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the demo takes a moment
        try:
            self.result_made = apply_first_setup(self.ctx, self.data_dir, self.setup())
        except (ZorgkoppelError, OSError) as error:
            problems = problems_of(error) if isinstance(error, ZorgkoppelError) else []
            self.done_page.general_error.setText(
                "\n".join(str(p) for p in problems) or str(error))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.account.password.clear()  # not kept in the widgets once the account is made
        self.account.password_again.clear()
        return True


def run_guide(ctx: ServiceContext, data_dir: Path,
              parent: QWidget | None = None) -> SetupResult | None:
    """Show the guide; what Finish made, or None when it was closed (nothing made)."""
    guide = FirstRunGuide(ctx, data_dir, parent)
    dialogs.exec_dialog(guide)
    made = guide.result_made
    guide.deleteLater()
    return made

