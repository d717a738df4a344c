"""Measuring extraction speed (`sahel-events bench`): a full run, then the run after adding one article.

The benchmark corpus is built in a temporary folder from a source corpus (or from the notes of
an ACLED export): document i joins source documents i, i+1, … until it holds a news article's
worth of words (`words_per_document`; 0 copies each source document as it is), so documents
differ from one another and have the size of the articles a user adds. Each run is
the real command line in a fresh process, timed from start to exit, so start-up (imports,
gazetteer, matchers) counts as it does for a user: first a full run with an empty cache, then the
same corpus with one new article, which the cache reduces to extracting that article. Peak memory
is the largest resident set of any process of the runs (a worker counts on its own).

A shared machine's speed drifts from run to run, so the full run can be repeated (`repeat`, each
time with an empty cache and no outputs) and its median reported; with `compare_serial` every
repetition also times `--jobs 1` right before, and the report gives the median speed-up. Dirty
pages of earlier runs are flushed before each timing, so that no run pays for another's writes.
"""
from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .extract import Pipeline, PipelineConfig
from .reading import list_corpus, parse_document


class BenchError(RuntimeError):
    """A benchmark run that failed: its command and the end of its error output."""


@dataclass
class BenchReport:
    """The figures of one benchmark.

    full_s / incremental_s: wall time of the full run (the median of `full_runs_s`) and of the
        run after adding one article.
    serial_runs_s: with a serial comparison, the full runs with `--jobs 1`, each timed right
        before the run of the same repetition in `full_runs_s`.
    pipeline_build_s: the time to build the pipeline (gazetteer, GeoNames, matchers) once, which
        every process that extracts pays unless it inherits a built pipeline by fork.
    peak_memory_mb: the largest resident set of any process of the runs.
    """

    documents: int
    words: int
    jobs: int
    full_s: float
    incremental_s: float
    pipeline_build_s: float
    peak_memory_mb: float
    full_runs_s: tuple[float, ...] = ()
    serial_runs_s: tuple[float, ...] = ()

    @property
    def words_per_s(self) -> float:
        return self.words / self.full_s

    @property
    def documents_per_s(self) -> float:
        return self.documents / self.full_s

    @property
    def incremental_share(self) -> float:
        """The run after adding one article as a share of the full run."""
        return self.incremental_s / self.full_s

    @property
    def speedups(self) -> list[float]:
        """Per repetition, the `--jobs 1` full run over this run's full run."""
        return [serial / full for serial, full in zip(self.serial_runs_s, self.full_runs_s)]

    def lines(self) -> list[str]:
        """The report as aligned lines for a terminal."""
        runs = self.full_runs_s or (self.full_s,)
        spread = f" (median of {len(runs)}: {', '.join(f'{run:.2f}' for run in runs)})" if len(runs) > 1 else ""
        lines = [
            f"documents          {self.documents}",
            f"words              {self.words}",
            f"jobs               {self.jobs}",
            f"full run           {self.full_s:.2f} s{spread}",
            f"words per second   {self.words_per_s:,.0f}",
            f"documents per s    {self.documents_per_s:,.1f}",
            f"one added article  {self.incremental_s:.2f} s ({self.incremental_share:.1%} of the full run)",
            f"pipeline build     {self.pipeline_build_s:.2f} s",
            f"peak memory        {self.peak_memory_mb:,.0f} MB",
        ]
        if self.serial_runs_s:
            serial = ", ".join(f"{run:.2f}" for run in self.serial_runs_s)
            lines += [
                f"full run, jobs 1   {statistics.median(self.serial_runs_s):.2f} s (runs: {serial})",
                f"speed-up           {statistics.median(self.speedups):.2f}x over --jobs 1 "
                f"(median of {len(self.speedups)}: {', '.join(f'{ratio:.2f}' for ratio in self.speedups)})",
            ]
        return lines


def build_bench_corpus(sources: list[Path], target: Path, documents: int, words_per_document: int = 0) -> int:
    """Write `documents` documents `bench-00000.txt`, … into `target`; return their words.

    Document i is source document i (round-robin) followed by the next ones until it has at
    least `words_per_document` words, one source body per paragraph under the first source's
    publication date.
    """
    target.mkdir(parents=True, exist_ok=True)
    bodies = [parse_document(path.read_bytes(), path.stem, path.as_posix()) for path in sources]
    total = 0
    for number in range(documents):
        parts, words, position = [], 0, number
        while not parts or words < words_per_document:
            body = bodies[position % len(bodies)].body.strip("\n")
            parts.append(body)
            words += len(body.split())
            position += 1
        first = bodies[number % len(bodies)]
        header = f"---\npublished: {first.published.isoformat()}\n---\n" if first.published else ""
        (target / f"bench-{number:05d}.txt").write_text(header + "\n".join(parts) + "\n", encoding="utf-8")
        total += words
    return total


def _run(arguments: list[str]) -> float:
    started = time.perf_counter()
    finished = subprocess.run([sys.executable, "-m", "pipeline.cli", *arguments], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if finished.returncode != 0:
        raise BenchError(f"`sahel-events {' '.join(arguments)}` exited {finished.returncode}: {finished.stderr[-1500:]}")
    return elapsed


def run_bench(source: Path, config: PipelineConfig = PipelineConfig(), *, documents: int = 1000, jobs: int = 1,
              words_per_document: int = 600, work_dir: Optional[Path] = None, repeat: int = 1,
              compare_serial: bool = False) -> BenchReport:
    """Time a full extraction of `documents` documents built from `source`, then the run after adding one.

    Args:
        source: a corpus folder whose documents the benchmark documents are built from.
        config: gazetteer and GeoNames files the runs use.
        documents: the size of the benchmark corpus.
        jobs: worker processes of each run.
        words_per_document: the least words of a benchmark document (0: copy source documents as they are).
        work_dir: where the corpus, outputs and cache go (a temporary folder, removed after, by default).
        repeat: full runs to time, each from an empty cache; the median is reported.
        compare_serial: also time a `--jobs 1` full run before each full run.
    """
    sources = list_corpus(source).files
    if not sources:
        raise BenchError(f"{source.as_posix()}: no .txt or .md document to build a benchmark corpus from")
    with tempfile.TemporaryDirectory(prefix="sahel-bench-") as temporary:
        folder = work_dir or Path(temporary)
        corpus, out, cache = folder / "corpus", folder / "outputs", folder / "cache"
        words = build_bench_corpus(sources, corpus, documents, words_per_document)
        common = ["--out", str(out), "--cache", str(cache), "--quiet",
                  "--gazetteer", str(config.gazetteer_dir), *[item for path in config.geonames for item in ("--geonames", str(path))]]
        full_runs, serial_runs = [], []
        for _repetition in range(repeat):
            for runs, run_jobs in ((serial_runs, 1), (full_runs, jobs)) if compare_serial else ((full_runs, jobs),):
                shutil.rmtree(out, ignore_errors=True), shutil.rmtree(cache, ignore_errors=True)
                os.sync()  # the previous run's files reach the disk now, not during the next timing
                runs.append(_run(["extract", str(corpus), *common, "--jobs", str(run_jobs)]))
        common += ["--jobs", str(jobs)]
        # the added article is built like the others, with one more line so that its text is new
        build_bench_corpus(sources, folder / "added", documents + 1, words_per_document)
        added = (folder / "added" / f"bench-{documents:05d}.txt").read_text(encoding="utf-8")
        (corpus / "bench-added.txt").write_text(added + "One more line.\n", encoding="utf-8")
        incremental = _run(["extract", str(corpus), *common])
    started = time.perf_counter()
    pipeline = Pipeline(config)
    pipeline.recognizer("en"), pipeline.assembler("en")
    build = time.perf_counter() - started
    peak_kb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    return BenchReport(documents, words, jobs, round(statistics.median(full_runs), 3), round(incremental, 3), round(build, 3),
                       round(peak_kb / 1024, 1), tuple(round(run, 3) for run in full_runs), tuple(round(run, 3) for run in serial_runs))
