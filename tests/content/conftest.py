"""Fixture libraries written into tmp_path, so each validator rule is tested on a crafted case."""

from __future__ import annotations

from pathlib import Path

import pytest

REFERENCES = """\
ref-a:
  authors: Smith J, Jones K
  title: A randomised trial
  journal: Lancet
  year: 2010
  volume: "376"
  pages: 100-110
ref-b:
  title: Product label
  issuer: Maker Inc.
  year: 2020
"""

SYNONYMS = """\
- [地舒单抗, denosumab, Xgeva]
- [唑来膦酸, 唑来磷酸, zoledronic acid]
"""

BODY = """\
## Key points {#key-points}

- First point about HER2 and CDK4/6 inhibitors.
- The usual dose is 120 mg every 4 weeks [ref:ref-a].
- Third point, see [the dose table](doc:alpha#dose).

## Dose {#dose}

The dose depends on kidney function [ref:ref-a; ref:ref-b]:

| CrCl (mL/min) | dose |
|---|---|
| >60 | 4 mg |
| 50-60 | 3.5 mg |

### Notes {#notes}

No numbers here, only words and a [link](doc:beta).
"""


def front_matter(doc_id: str, lang: str, overrides: dict) -> str:
    fields = {
        "id": doc_id,
        "lang": lang,
        "order": 1,
        "title": f"Title of {doc_id}",
        "summary": "One sentence summary.",
        "sources": "[ref-a, ref-b]",
        "updated": "2026-11-26",
        "status": "draft",
        "tags": "[test]",
        "see_also": "[]",
    }
    fields.update(overrides)
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


class FixtureLibrary:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "docs").mkdir(parents=True)
        (root / "references.yaml").write_text(REFERENCES, encoding="utf-8")
        (root / "synonyms.yaml").write_text(SYNONYMS, encoding="utf-8")

    def write(self, doc_id: str, file_lang: str, body: str = BODY, **front) -> Path:
        """Write docs/<doc_id>.<file_lang>.md; `front` overrides front matter keys (None drops one)."""
        path = self.root / "docs" / f"{doc_id}.{file_lang}.md"
        path.write_text(front_matter(doc_id, file_lang, front) + body, encoding="utf-8")
        return path

    def write_twins(self, doc_id: str, body: str = BODY, **front) -> None:
        for lang in ("zh", "en"):
            self.write(doc_id, lang, body, **front)


@pytest.fixture
def fixture_library(tmp_path) -> FixtureLibrary:
    """A valid two-topic library (alpha, beta) in both languages; tests then break one thing."""
    library = FixtureLibrary(tmp_path / "content")
    library.write_twins("alpha")
    library.write_twins("beta", body=BODY.replace("doc:alpha#dose", "doc:beta#dose"), order=2)
    return library
