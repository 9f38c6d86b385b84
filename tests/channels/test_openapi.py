"""openapi.yaml describes the channel as it is: every route with its methods, and every
field the API returns for a file."""

from __future__ import annotations

import re

import yaml

from bot.precheck.results import FileAnalysis, FileProblem, FileReport, FormCheck, FormProblem
from bot.service import uploads
from bot.service.store import UploadRecord
from bot.settings import ROOT
from channels import portal

SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))


def _norm(path: str) -> str:
    return re.sub(r"<[^>]+>|\{[^}]+\}[^/]*", "*", path)


def test_every_route_is_described_with_its_methods() -> None:
    bp = portal.PortalInput().blueprint(lambda _m: None)
    routes: dict[str, set[str]] = {}
    for r in bp._future_routes:
        if not r.uri.startswith(("/api/v1/", "/wx/")):
            continue  # the page and its static files
        path = r.uri.removeprefix("/api/v1")
        routes.setdefault(_norm(path), set()).update(m.lower() for m in r.methods)
    documented = {_norm(p): {m for m in ops if m in ("get", "post", "put", "delete")}
                  for p, ops in SPEC["paths"].items()}
    assert routes == documented


def test_every_file_field_is_described() -> None:
    props = set(SPEC["components"]["schemas"]["Upload"]["properties"])
    analysis = FileAnalysis(name="附件1.docx", language="zh", materials=["4.1"],
                            form=FormCheck("附件1.docx", problems=[
                                FormProblem("missing_field", "电子邮箱")]))
    up = UploadRecord(id="u1", session_id="s1", name="附件1.docx", stored="files/s1/u1.docx",
                      sha256="0", size=10, status="done", created_at=0.0, analysis=analysis)
    report = FileReport(name="附件1.docx", language="zh", materials=["4.1"],
                        problems=[FileProblem("untranslated", "en")])
    accepted = uploads.upload_json(up, "zh", report)
    assert set(accepted) <= props
    assert accepted["form_problems"][0]["field"] == "电子邮箱"
    assert set(accepted["form_problems"][0]) <= set(
        SPEC["components"]["schemas"]["Upload"]["properties"]["form_problems"]["items"]
        ["properties"])
    refused = uploads.rejected_json({"name": "a.doc", "code": "unsupported_type",
                                     "detail": ".doc"}, "en")
    assert set(refused) <= props and "DOCX" in refused["advice"][0]
    codes = set(SPEC["components"]["schemas"]["Upload"]["properties"]["problems"]["items"]
                ["enum"])
    assert {"untranslated", "too_large", "unsupported_type", "too_many_files"} <= codes


def test_every_error_code_is_listed() -> None:
    listed = SPEC["components"]["schemas"]["Error"]["properties"]["error"]["description"]
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "channels").glob("*.py"))
    used = set(re.findall(r'\berror\(\d{3}, "([a-z_]+)"', source))
    assert used and all(code in listed for code in used), used
