"""`bonemet library check`: the command-line face of the library model (the model itself prints nothing)."""

from __future__ import annotations

from pathlib import Path

from library.content import load_library
from library.ids import LANGS
from library.validate import validate


def library_check(root: Path | None = None) -> int:
    """Print every problem and return 1, or print counts and the content version and return 0."""
    from guideline_content import content_version

    library = load_library(root)
    problems = validate(library)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) in {library.root}")
        return 1
    ids = library.ids()
    sections = sum(len(d.sections) - 1 for d in library.documents.values())
    terms = sum(len(group) for group in library.synonyms)
    print(f"documents: {len(library.documents)} ({len(ids)} topics x {len(LANGS)} languages)")
    print(f"sections: {sections}")
    print(f"references: {len(library.references)}")
    print(f"synonym groups: {len(library.synonyms)} ({terms} terms)")
    print(f"content version: {content_version()}")
    return 0
