"""Every v2 name imports in a fresh interpreter, whatever is imported first (no circular import)."""

from __future__ import annotations

import subprocess
import sys

import pytest

FIRST_IMPORTS = [
    "from manus_openai.v2 import V2Files",
    "from manus_openai.v2 import AsyncV2Files",
    "from manus_openai.v2 import V2",
    "from manus_openai.v2 import AsyncV2",
    "from manus_openai.v2._sites import V2Webhooks",
    "from manus_openai.v2._account import V2Usage",
    "from manus_openai.v2._views import V2TasksWithRawResponse",
]


@pytest.mark.parametrize("statement", FIRST_IMPORTS)
def test_v2_name_imports_first_in_a_fresh_interpreter(statement: str) -> None:
    code = f"{statement}\nfrom manus_openai import ManusOpenAI\nManusOpenAI(api_key='mk').v2.files.with_raw_response"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
