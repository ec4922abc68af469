"""Function tools over the applicant's profile, grouped by the specialist that holds them.

Each tool has a plain function over a `Profile` (reused by the MCP servers) and a thin
`@function_tool` wrapper that reads the profile from the run context.
"""

from __future__ import annotations

from ask_applicant.tools.career import CAREER_TOOLS
from ask_applicant.tools.project import PROJECT_TOOLS
from ask_applicant.tools.result import Fact, ToolResult
from ask_applicant.tools.resume import RESUME_TOOLS

__all__ = ["CAREER_TOOLS", "PROJECT_TOOLS", "RESUME_TOOLS", "Fact", "ToolResult"]
