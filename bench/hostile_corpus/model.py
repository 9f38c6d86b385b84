"""The hostile corpus: its cases and what each must come out as."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

MB = 1 << 20



# What a hostile file must come out as.
PROBLEM = "problem"  # some problem code (``want`` narrows which)
READ = "read"  # read correctly: no problem and the expected material (a harmless oddity)
EITHER = "either"  # damaged at random: a problem code, or read exactly as the original


@dataclass
class Case:
    path: Path
    group: str
    expect: str = PROBLEM
    want: tuple[str, ...] = ()  # acceptable problem codes (any when empty)
    materials: tuple[str, ...] = ()  # READ: the material; EITHER: the original's
    source: str = ""  # EITHER: the original fixture
    display: str | None = None  # the upload name given with the path (None: from the path)

    @property
    def label(self) -> str:
        name = os.fsencode(self.path.name)
        return f"{self.group}/{name.decode('utf-8', 'backslashreplace')}"


@dataclass
class Corpus:
    root: Path
    cases: list[Case] = field(default_factory=list)
    good: list[tuple[Path, str]] = field(default_factory=list)  # (path, material)
    sources: dict[str, Path] = field(default_factory=dict)
    seq: int = 0

    def path(self, group: str, suffix: str, stem: str = "") -> Path:
        self.seq += 1
        folder = self.root / group
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{self.seq:05d}{'_' + stem if stem else ''}{suffix}"

    def add(self, group: str, suffix: str, data: bytes, *, stem: str = "", **kw) -> Case:
        p = self.path(group, suffix, stem)
        p.write_bytes(data)
        case = Case(p, group, **kw)
        self.cases.append(case)
        return case


