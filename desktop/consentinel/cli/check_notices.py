"""What a scheduled `check` tells the person, by notification and on stderr, of what it met
before any account was checked: accounts the list lost, settings or a journal set aside,
Consentinel's folders that cannot be used (core/notify.py words them)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from consentinel.core.fileio import folder_problem

if TYPE_CHECKING:
    from consentinel.core.context import AppContext
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import Settings


def lost_accounts(ctx: AppContext) -> list[str]:
    """The accounts the journal knows and the list lacks (its file set aside, deleted): none
    when the journal cannot say (it says why itself, at its next use)."""
    from consentinel.core.account_recovery import missing_accounts
    from consentinel.core.journal import JournalError

    try:
        return [known.handle for known in missing_accounts(ctx.journal, ctx.accounts)]
    except JournalError:
        return []


def say_lost_accounts(ctx: AppContext, missing: list[str], *, listed: bool) -> None:
    """A scheduled run that cannot check accounts the list lost says so in its log at every
    run, and tells the person once (not again while the same accounts stay missing). Adding
    them back is the person's to do: one may have been removed from the list on purpose."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.notify import accounts_missing_notice

    note = accounts_missing_notice(missing, list_empty=not listed)
    print(note.body, file=sys.stderr)
    post_notice(ctx.settings, note, ctx.journal)


def say_settings_set_aside(ctx: AppContext, moved: Path) -> None:
    """A scheduled run that set the settings file aside (its warning is already on stderr)
    says what that costs, and tells the person: a pause is lost with the rest."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.notify import settings_set_aside_notice

    note = settings_set_aside_notice(moved)
    print(note.body, file=sys.stderr)
    post_notice(ctx.settings, note, ctx.journal)


def say_journal_set_aside(ctx: AppContext) -> None:
    """A scheduled run that set the journal aside (damaged, a newer version's) tells the
    person where it is kept: its stderr is read by nobody, and the new journal shows no sign
    of the old one but its first entry."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.journal_entries import EntryKind
    from consentinel.core.notify import journal_set_aside_notice

    first = ctx.journal.entries(kinds=[EntryKind.JOURNAL_RESTARTED])
    name = first[-1].payload.get("set_aside") if first else None
    if isinstance(name, str) and name:
        post_notice(
            ctx.settings,
            journal_set_aside_notice(ctx.paths.journal_path.with_name(name)),
            ctx.journal,
        )


def say_folder_unusable(
    error: BaseException,
    *,
    said: str,
    already_printed: bool = False,
    settings: Settings | None = None,
) -> None:
    """A scheduled run that cannot use Consentinel's folders (`error`, whose sentence is
    `said`, "" for a bare OS error) says, on stderr and by notification, which folder, why, and
    what to do. No journal to ask what was said: once per run, the one that meets it."""
    from consentinel.cli.schedule_cmd import post_notice
    from consentinel.core.i18n import set_language
    from consentinel.core.notify import folder_unusable_notice, folder_unusable_words
    from consentinel.core.paths import AppPaths
    from consentinel.core.settings import peek_settings

    paths = AppPaths.from_env()
    if settings is None:  # (the run stopped before reading them)
        settings = peek_settings(paths)
        set_language(settings.language)
    # The folder of the file the error names, when it names one; else the data folder, or the
    # settings' (often the same disk), whichever's disk says no.
    named = getattr(error, "filename", None)
    if isinstance(named, str) and named:
        folder = _folder_of(paths, Path(named))
        problem = folder_problem(folder, error)
    else:
        folder, problem = paths.data_dir, folder_problem(paths.data_dir, error)
        if problem is None and folder_problem(paths.config_dir) is not None:
            folder, problem = paths.config_dir, folder_problem(paths.config_dir)
    words = folder_unusable_words(folder, problem, said)
    if said and not already_printed:
        print(said, file=sys.stderr)
    print(words, file=sys.stderr)
    post_notice(settings, folder_unusable_notice(words))


def _folder_of(paths: AppPaths, file: Path) -> Path:
    """Consentinel's folder `file` is in (its settings', its data's), else the file's own."""
    for folder in (paths.config_dir, paths.data_dir):
        if file == folder or folder in file.parents:
            return folder
    return file.parent
