"""Actions about the applicant's own files: thin adapters over bot.dialogue.uploads."""

from __future__ import annotations

from actions.common import ConversationAction


class FileAction(ConversationAction):
    """Reads the session's files (and may render a report): runs off the event loop."""

    blocking = True


class ActionUploadHelp(FileAction):
    def name(self) -> str:
        return "action_upload_help"
    handler = "upload_help"


class ActionFileFeedback(FileAction):
    """Feedback on the files the channel just stored and parsed (ids in the metadata)."""

    def name(self) -> str:
        return "action_file_feedback"
    handler = "file_feedback"


class ActionFileRemoved(FileAction):
    def name(self) -> str:
        return "action_file_removed"
    handler = "file_removed"


class ActionChooseMaterial(FileAction):
    """The answer to "which material is this file?" (a button)."""

    def name(self) -> str:
        return "action_choose_material"
    handler = "choose_material"


class ActionMissing(FileAction):
    """"还缺什么？": every gap in the package so far."""

    def name(self) -> str:
        return "action_missing"
    handler = "missing"


class ActionReport(FileAction):
    """The pre-check report: the chat summary and links to DOCX, HTML and JSON."""

    def name(self) -> str:
        return "action_report"
    handler = "report"


class ActionDeleteRequest(FileAction):
    def name(self) -> str:
        return "action_delete_request"
    handler = "delete_request"


class ActionDeleteConfirmed(FileAction):
    def name(self) -> str:
        return "action_delete_confirmed"
    handler = "delete_confirmed"


class ActionDeleteCancelled(FileAction):
    def name(self) -> str:
        return "action_delete_cancelled"
    handler = "delete_cancelled"
