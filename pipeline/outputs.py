"""Comparing committed outputs with what the pipeline produces now (`sahel-events check`)."""
from __future__ import annotations

from pathlib import Path

from .extract import PipelineConfig, render_corpus
from .writing import output_path, stale_outputs


def find_stale_outputs(corpus: Path, out_dir: Path, config: PipelineConfig = PipelineConfig()) -> list[str]:
    """One line per problem: an output that is missing, differs from a fresh run, or has no document.

    Files that fail to read are reported too, since their outputs cannot be checked.
    """
    rendered, errors, listed = render_corpus(corpus, config)
    problems = [f"unreadable: {error}" for error in errors]
    for doc_id in sorted(rendered):
        path = output_path(out_dir, doc_id)
        if not path.is_file():
            problems.append(f"missing: {path.as_posix()} (run `sahel-events extract`)")
        elif path.read_text(encoding="utf-8") != rendered[doc_id]:
            problems.append(f"stale: {path.as_posix()} differs from a fresh extraction of {doc_id}")
    for path in stale_outputs(out_dir, listed):
        problems.append(f"orphaned: {path.as_posix()} belongs to no document of {corpus.as_posix()}")
    return problems
