"""The shape of the code: layers without cycles, small modules, and every fact of the
notice written in bot/notice alone."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import grimp
import pytest
import yaml

from bot import i18n
from bot import notice as N

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "actions", "addons", "channels")
MAX_LINES = 600


def _tracked(*patterns: str) -> list[Path]:
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                          *patterns], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / line for line in out.stdout.splitlines() if (ROOT / line).is_file()]


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_project_modules() -> None:
    # Every import counts: those inside functions and under TYPE_CHECKING too.
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=False)
    modules = set(graph.modules)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) & modules for m in modules}
    assert _cycles(edges) == []


def test_bot_keeps_its_layers_in_packages() -> None:
    direct = sorted(p.name for p in (ROOT / "bot").glob("*.py"))
    assert len(direct) <= 8, direct
    for layer in ("notice", "precheck", "service", "dialogue", "i18n"):
        assert (ROOT / "bot" / layer / "__init__.py").is_file(), layer


def test_no_module_is_over_600_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _tracked("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


# ---------------------------------------------------------------------------
# Facts of the notice, written in bot/notice alone
# ---------------------------------------------------------------------------

def _facts() -> dict[str, str]:
    """Texts that state a fact of the notice, each with a name for the failure message."""
    facts = {
        "number": N.NOTICE.number,
        "title": N.NOTICE.title.zh,
        "title (en)": N.NOTICE.title.en,
        "issuer": N.NOTICE.issuer.zh,
        "approval authority": N.APPROVAL_AUTHORITY.zh,
        "decision period": f"{N.DECISION_WORKING_DAYS}个工作日",
        "decision period (en)": f"{N.DECISION_WORKING_DAYS} working days",
        "plan deadline": f"前{N.ASSESSMENT_PLAN_DAYS_BEFORE}日",
        "plan deadline (en)": f"{N.ASSESSMENT_PLAN_DAYS_BEFORE} days before",
        "annual report": f"{N.ANNUAL_REPORT_MONTH}月底",
        "annual report (en)": "end of December",
        "translation rule": N.TRANSLATION_RULE.zh,
        "signed": "2020年9月22日",
        "annex numbers": r"附件[12](?!\d)",
        "annex numbers (en)": r"\bAnnex [12]\b",
        "clause references": r"[一二三四五六][（(][一二三四][）)]",
    }
    for form in N.ANNEXES.values():
        facts[f"{form.key} title"] = form.title
    for m in N.MATERIALS:
        if len(m.name.zh) >= 6:
            facts[f"material {m.id}"] = m.name.zh
    return facts


def _found(text: str) -> list[str]:
    hits = []
    for name, fact in _facts().items():
        regex = fact if name in ("annex numbers", "annex numbers (en)", "clause references") \
            else re.escape(fact)
        if re.search(regex, text):
            hits.append(name)
    return hits


def test_the_fact_finder_sees_a_typed_fact() -> None:
    assert "decision period" in _found("审批时限为45个工作日")
    assert "clause references" in _found("见四（三）")
    assert "annex numbers" in _found("请下载附件1")
    assert _found("请下载{annex1}（空白）") == []


@pytest.mark.parametrize("key", i18n.keys())
def test_interface_strings_state_no_fact_of_the_notice(key: str) -> None:
    for text in i18n.source(key):
        assert _found(text) == [], (key, text)


@pytest.mark.parametrize("name", sorted(str(p.relative_to(ROOT)) for p in (ROOT / "web").rglob("*")
                                         if p.suffix in (".html", ".js", ".css")))
def test_the_web_pages_state_no_fact_of_the_notice(name: str) -> None:
    assert _found((ROOT / name).read_text(encoding="utf-8")) == []


def test_the_domain_states_no_fact_of_the_notice() -> None:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    texts = [str(r.get("text", "")) for variants in (domain.get("responses") or {}).values()
             for r in variants]
    assert [(t, _found(t)) for t in texts if _found(t)] == []
