"""Types returned and accepted by manus_openai."""

from .._options import AgentProfile, TaskMode
from .output_file import OutputFile
from .response import RUNNING_STATUSES, ManusResponse

__all__ = ["RUNNING_STATUSES", "AgentProfile", "ManusResponse", "OutputFile", "TaskMode"]
