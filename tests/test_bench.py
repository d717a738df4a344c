"""The benchmark: its corpus and its figures."""
from __future__ import annotations

import pytest

from pipeline.bench import BenchError, BenchReport, build_bench_corpus, run_bench


@pytest.mark.parametrize(
    ("words_per_document", "expected"),
    [
        (0, ["one two\n", "three\n", "---\npublished: 2012-01-20\n---\nfour five six\n", "one two\n"]),
        (3, ["one two\nthree\n", "three\nfour five six\n", "---\npublished: 2012-01-20\n---\nfour five six\n",
             "one two\nthree\n"]),
    ],
)
def test_bench_corpus_joins_source_documents_round_robin(tmp_path, words_per_document, expected):
    texts = {"a.txt": "one two\n", "b.md": "three\n", "c.txt": "---\npublished: 2012-01-20\n---\nfour five six\n"}
    sources = []
    for name, text in texts.items():
        sources.append(tmp_path / name)
        sources[-1].write_text(text, encoding="utf-8")
    words = build_bench_corpus(sources, tmp_path / "bench", 4, words_per_document)
    written = sorted((tmp_path / "bench").iterdir())
    assert [path.name for path in written] == [f"bench-0000{number}.txt" for number in range(4)]
    assert [path.read_text(encoding="utf-8") for path in written] == expected
    assert words == sum(len(text.split("---\n")[-1].split()) for text in expected)


def test_bench_report_figures():
    report = BenchReport(documents=1000, words=50_000, jobs=2, full_s=20.0, incremental_s=0.5, pipeline_build_s=1.0, peak_memory_mb=400)
    assert (report.words_per_s, report.documents_per_s, report.incremental_share) == (2500.0, 50.0, 0.025)
    assert report.lines()[6] == "one added article  0.50 s (2.5% of the full run)"


def test_bench_empty_source_is_refused(tmp_path):
    with pytest.raises(BenchError, match="no .txt or .md document"):
        run_bench(tmp_path)
