"""The command line: python -m bot precheck / template."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bot.cli import main
from tests.support import docgen

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True,
                          timeout=300)


def test_json_on_stdout_by_default(defective_package):
    proc = run("precheck", str(defective_package))
    assert proc.returncode == 0
    report = json.loads(proc.stdout.decode("utf-8"))
    assert report["verdict"] == "incomplete"
    assert {m["id"]: m["status"] for m in report["materials"]}["2.3"] == "missing"
    files = {f["name"]: f for f in report["files"]}
    assert files["16 scan_0016.pdf"]["problems"] == ["unclassified"]
    assert files["03 Bank Reference Letter.pdf"]["problems"] == ["untranslated"]
    assert {(p["code"], p["field"]) for p in report["form"]["problems"]} == {
        ("invalid_uscc", "统一社会信用代码"), ("missing_field", "电子邮箱")}
    # several files: a progress bar on standard error, ending at n/n
    n = len(report["files"])
    assert f"{n}/{n}" in proc.stderr.decode("utf-8")


def test_single_file_has_no_progress_bar(tmp_path):
    path = docgen.write_sample(tmp_path / "考试章程.docx", "3.1", "zh")
    proc = run("precheck", str(path))
    assert proc.returncode == 0
    assert proc.stderr == b""
    assert json.loads(proc.stdout)["files"][0]["materials"] == ["3.1"]


@pytest.mark.parametrize("fmt, lang, check", [
    ("md", "zh", lambda data: "16 scan_0016.pdf" in data.decode("utf-8")),
    ("md", "en", lambda data: "16 scan_0016.pdf" in data.decode("utf-8")),
    ("html", "zh", lambda data: data.lstrip().lower().startswith(b"<!doctype html")
     and "考务管理规则".encode() in data),
    ("docx", "zh", lambda data: "word/document.xml" in zipfile.ZipFile(io.BytesIO(data))
     .namelist()),
    ("json", "en", lambda data: json.loads(data)["verdict"] == "incomplete"),
])
def test_output_files(defective_package, tmp_path, fmt, lang, check):
    out = tmp_path / f"report.{fmt}"
    proc = run("precheck", str(defective_package), "--format", fmt, "--lang", lang,
               "--output", str(out), "--no-progress")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b"" and proc.stderr == b""
    assert check(out.read_bytes())


def test_docx_report_names_the_files(defective_package, tmp_path):
    import docx

    out = tmp_path / "report.docx"
    assert run("precheck", str(defective_package), "-f", "docx", "-o", str(out)).returncode == 0
    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    text += "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    assert "16 scan_0016.pdf" in text and "考点设置标准" in text


def test_several_paths(tmp_path):
    a = docgen.write_sample(tmp_path / "a.pdf", "2.1", "zh")
    b = docgen.write_sample(tmp_path / "b.docx", "3.1", "zh")
    out = io.StringIO()
    assert main(["precheck", str(a), str(b), "--no-progress"], stdout=out,
                stderr=io.StringIO()) == 0
    names = [f["name"] for f in json.loads(out.getvalue())["files"]]
    assert names == ["a.pdf", "b.docx"]


def test_bad_files_still_give_a_report_and_exit_0(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 50)
    proc = run("precheck", str(tmp_path))
    assert proc.returncode == 0
    problems = {f["name"]: f["problems"] for f in json.loads(proc.stdout)["files"]}
    assert problems == {"broken.pdf": ["unreadable"], "photo.png": ["unreadable"]}


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("argv, message", [
    (["precheck", "/no/such/folder"], "no such file or folder"),
    (["precheck", "{empty}"], "no files found"),
    (["precheck", "{file}", "--format", "docx"], "--output"),
])
def test_usage_errors_exit_2(tmp_path, argv, message):
    empty = tmp_path / "empty"
    empty.mkdir()
    f = docgen.write_sample(tmp_path / "a.pdf", "2.1", "zh")
    argv = [a.format(empty=empty, file=f) for a in argv]
    err = io.StringIO()
    assert main(argv, stdout=Tty(), stderr=err) == 2
    assert message in err.getvalue()


@pytest.mark.parametrize("argv", [["precheck", "x", "--format", "xml"], ["precheck"], [],
                                  ["frobnicate"], ["template", "annex3", "-o", "x.docx"]])
def test_argument_errors_exit_2(argv):
    proc = run(*argv)
    assert proc.returncode == 2
    assert b"usage:" in proc.stderr


def test_docx_to_a_pipe_is_allowed(tmp_path):
    f = docgen.write_sample(tmp_path / "a.pdf", "2.1", "zh")
    proc = run("precheck", str(f), "--format", "docx")
    assert proc.returncode == 0
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(proc.stdout)).namelist()


@pytest.mark.parametrize("kind, label", [("annex1", "统一社会信用代码"), ("annex2", "年度核发证书")])
def test_template(tmp_path, kind, label):
    import docx

    out = tmp_path / f"{kind}.docx"
    proc = run("template", kind, "-o", str(out))
    assert proc.returncode == 0
    d = docx.Document(str(out))
    text = "\n".join(p.text for p in d.paragraphs)
    text += "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    assert label in text


def test_help_lists_the_commands():
    proc = run("--help")
    assert proc.returncode == 0
    assert b"precheck" in proc.stdout and b"template" in proc.stdout
