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


def test_bench_report_speedup_is_the_median_of_paired_runs():
    report = BenchReport(documents=10, words=100, jobs=2, full_s=5.0, incremental_s=0.5, pipeline_build_s=1.0,
                         peak_memory_mb=100, full_runs_s=(5.0, 6.0, 4.0), serial_runs_s=(8.0, 12.0, 8.0))
    assert report.speedups == [1.6, 2.0, 2.0]
    assert report.lines()[3] == "full run           5.00 s (median of 3: 5.00, 6.00, 4.00)"
    assert report.lines()[-1] == "speed-up           2.00x over --jobs 1 (median of 3: 1.60, 2.00, 2.00)"


def test_bench_compares_with_a_serial_run_through_the_real_command(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    (source / "a.txt").write_text("MNLA fighters attacked Kidal on 2 February 2012.\n", encoding="utf-8")
    (source / "b.txt").write_text("Soldiers killed three gunmen near Gao on 3 March 2013.\n", encoding="utf-8")
    report = run_bench(source, documents=3, jobs=2, words_per_document=0, compare_serial=True, work_dir=tmp_path / "bench")
    assert len(report.full_runs_s) == len(report.serial_runs_s) == 1 and report.full_s == report.full_runs_s[0]
    assert report.lines()[-1].startswith("speed-up ")
    assert len(list((tmp_path / "bench" / "outputs").glob("*.jsonl"))) == 4
