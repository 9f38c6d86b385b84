"""The JSON contract of a pre-check result.

``verdict`` (complete | incomplete), ``materials`` [{id, status, files}], ``files`` [{name,
language, materials, problems, translation}], ``form`` (null or {file, problems [{code,
field}]}), plus further keys (reference, generated_at, problem details, candidates …).
Keys keep their order; non-ASCII text is written as it is.  Form values are masked.
With ``lang``, each problem also carries its ``message`` and each material its ``name``,
for clients that show them as they are.
"""

from __future__ import annotations

import json
from typing import Any

from bot.precheck.problems import (
    file_problem_message,
    form_problem_message,
    masked_value,
    material_name,
)
from bot.precheck.results import FileProblem, FormProblem, PrecheckResult


def result_dict(result: PrecheckResult, lang: str | None = None) -> dict[str, Any]:
    data = result.to_dict()
    form = data.get("form")
    if form is not None:
        for p in form["problems"]:
            p["value"] = masked_value(FormProblem(p["code"], p["field"], p.get("value", "")))
    if lang is None:
        return data
    for m in data["materials"]:
        m["name"] = material_name(m["id"], lang)
    for f in data["files"]:
        for d in f.get("problem_details", []):
            d["message"] = file_problem_message(FileProblem(d["code"], d.get("detail", "")), lang)
    if form is not None:
        for p in form["problems"]:
            p["message"] = form_problem_message(FormProblem(p["code"], p["field"],
                                                            p.get("value", "")), lang)
    return data


def render_json(result: PrecheckResult, lang: str | None = None) -> str:
    """The result as JSON text (UTF-8, not ASCII-escaped, indented, keys in a fixed order)."""
    return json.dumps(result_dict(result, lang), ensure_ascii=False, indent=2) + "\n"
