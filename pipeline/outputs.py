"""Comparing committed outputs with what the pipeline produces now (`sahel-events check`)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from .cache import ExtractionCache
from .extract import PipelineConfig, render_corpus
from .writing import output_path, stale_outputs


def find_stale_outputs(
    corpus: Path, out_dir: Path, config: PipelineConfig = PipelineConfig(), *, cache: Optional[ExtractionCache] = None
) -> list[str]:
    """One line per problem: an output that is missing, differs from a fresh run, or has no document.

    Files that fail to read are reported too, since their outputs cannot be checked. With a
    `cache`, documents extracted before under the same gazetteer and pipeline are not run again.
    """
    rendered, errors, listed = render_corpus(corpus, config, cache=cache)
    problems = [f"unreadable: {error}" for error in errors]
    for doc_id, text in rendered.items():
        path = output_path(out_dir, doc_id)
        if not path.is_file():
            problems.append(f"missing: {path.as_posix()} has no events yet for document {doc_id} (run `sahel-events extract`)")
        elif path.read_bytes() != text.encode("utf-8"):
            problems.append(f"stale: {path.as_posix()} differs from a fresh extraction of document {doc_id}")
    for path in stale_outputs(out_dir, listed):
        problems.append(f"orphaned: {path.as_posix()} belongs to no document of {corpus.as_posix()}")
    return problems
