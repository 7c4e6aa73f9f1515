"""Types returned and accepted by manus_openai."""

from .._options import AgentProfile, TaskMode
from .attachments import (
    Attachment,
    Base64Attachment,
    FileIdAttachment,
    UrlAttachment,
    base64_attachment,
    file_attachment,
    url_attachment,
)
from .file import File, FileDeleted
from .output_file import OutputFile
from .project import Project
from .response import RUNNING_STATUSES, ManusResponse
from .task import (
    TASK_LIST_STATUSES,
    TASK_STATUSES,
    Task,
    TaskContent,
    TaskCreated,
    TaskDeleted,
    TaskMessage,
    TaskStatus,
    TaskUpdated,
)

__all__ = [
    "RUNNING_STATUSES",
    "TASK_LIST_STATUSES",
    "TASK_STATUSES",
    "AgentProfile",
    "Attachment",
    "Base64Attachment",
    "File",
    "FileDeleted",
    "FileIdAttachment",
    "ManusResponse",
    "OutputFile",
    "Project",
    "Task",
    "TaskContent",
    "TaskCreated",
    "TaskDeleted",
    "TaskMessage",
    "TaskMode",
    "TaskStatus",
    "TaskUpdated",
    "UrlAttachment",
    "base64_attachment",
    "file_attachment",
    "url_attachment",
]
