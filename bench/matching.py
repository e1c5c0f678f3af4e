"""Speed and memory of the matching engine on 2 cores. Prints one `name value unit` line per figure.

Run: .venv/bin/python bench/matching.py            (all sections, each in its own process for its peak RSS)
     .venv/bin/python bench/matching.py --only rank (one of: rank, embed, suggestions, assignment)

- rank: one request against 100,000 items with precomputed 512-d embeddings (p50/p95 of 50 runs), beside
  the raw numpy matrix-vector product of the same size (the floor);
- embed: 1,000 new items of two to three sentences through the multilingual sentence encoder (model load
  reported apart);
- suggestions: 1,000 requests over 100,000 items, top 10 each (what the nightly job ranks);
- assignment: bench/matching_assignment.py (10,000 requests, 5,000 providers, top-30 edges each).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tsc_hub.matching.engine.embeddings import normalise
from tsc_hub.matching.engine.ranker import Ranker
from tsc_hub.matching.engine.records import ItemRecord, RequestRecord

ITEMS, REQUESTS, DIMENSIONS = 100_000, 1_000, 512
AS_OF = dt.date(2026, 6, 1)
COUNTRIES = [f"c{n:03d}" for n in range(196)]
GBF = [f"GBF-TARGET-{n:02d}" for n in range(1, 24)]
SUBJECTS = [f"CBD-SUBJECT-{n}" for n in range(53)]
TYPES = [f"TSC-ASSIST-{n}" for n in range(12)]
LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh"]
SENTENCES = {
    "en": ["Training on mangrove restoration for coastal communities.", "We share DNA barcoding protocols."],
    "fr": [
        "Formation à la restauration des mangroves.",
        "Nous partageons des protocoles de code-barres ADN.",
    ],
    "es": [
        "Capacitación en restauración de manglares.",
        "Compartimos protocolos de códigos de barras de ADN.",
    ],
    "ar": ["تدريب على استعادة أشجار المانغروف.", "نتقاسم بروتوكولات الترميز الجزيئي للحمض النووي."],
    "ru": ["Обучение восстановлению мангровых лесов.", "Мы делимся протоколами ДНК-штрихкодирования."],
    "zh": ["红树林恢复技术培训。", "我们分享DNA条形码操作规程。"],
}


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def items(count: int, rng: random.Random) -> list[ItemRecord]:
    return [
        ItemRecord(
            id=f"I{n:06d}",
            kind="offer" if n % 2 else "profile",
            coverage_terms=frozenset(),
            coverage_countries=frozenset(rng.sample(COUNTRIES, rng.randint(1, 60))),
            texts={"en": "x"},
            assistance_types=frozenset(rng.sample(TYPES, 2)),
            gbf_targets=frozenset(rng.sample(GBF, 3)),
            cbd_subjects=frozenset(rng.sample(SUBJECTS, 3)),
            deadline=dt.date(2026, rng.randint(1, 12), 1) if rng.random() < 0.5 else None,
            capacity_left=rng.randint(0, 4) if n % 2 == 0 else None,
            languages=frozenset(rng.sample(LANGUAGES, 2)),
            track_record=rng.random() if rng.random() < 0.3 else None,
        )
        for n in range(count)
    ]


def requests(count: int, rng: random.Random) -> list[RequestRecord]:
    return [
        RequestRecord(
            id=f"R{n:05d}",
            country=rng.choice(COUNTRIES),
            coverage=frozenset(),
            texts={"en": "x"},
            assistance_types=frozenset(rng.sample(TYPES, 1)),
            gbf_targets=frozenset(rng.sample(GBF, 2)),
            cbd_subjects=frozenset(rng.sample(SUBJECTS, 2)),
            languages=frozenset(rng.sample(LANGUAGES, 1)),
        )
        for n in range(count)
    ]


def vectors(count: int, seed: int) -> np.ndarray:
    return normalise(np.random.default_rng(seed).normal(size=(count, DIMENSIONS)).astype(np.float32))


def bench_rank() -> None:
    rng = random.Random(1)
    ranker = Ranker(embedder=None)
    started = time.perf_counter()
    index = ranker.index(items(ITEMS, rng), vectors(ITEMS, 0))
    print(f"rank_index_build_100000 {time.perf_counter() - started:.2f} s")
    request, query = requests(1, rng)[0], vectors(1, 1)[0]
    ranker.rank_one(index, request, query, AS_OF, 10)  # warm
    ours, floor = [], []
    for _ in range(50):
        started = time.perf_counter()
        ranker.rank_one(index, request, query, AS_OF, 10)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        index.vectors @ query
        floor.append(time.perf_counter() - started)
    print(f"rank_100000_p50 {1000 * np.percentile(ours, 50):.1f} ms")
    print(f"rank_100000_p95 {1000 * np.percentile(ours, 95):.1f} ms")
    print(f"rank_numpy_matvec_100000x512_p50 {1000 * np.percentile(floor, 50):.1f} ms")
    print(f"rank_numpy_matvec_100000x512_p95 {1000 * np.percentile(floor, 95):.1f} ms")
    print(f"rank_peak_memory {peak_mib():.0f} MiB")


def bench_embed() -> None:
    from tsc_hub.matching.engine.embeddings import UseEmbedder

    rng = random.Random(2)
    texts = []
    for n in range(1000):
        lang = LANGUAGES[n % 6]
        texts.append(f"{n}. " + " ".join(rng.sample(SENTENCES[lang], 2)) + f" {SENTENCES[lang][n % 2]}")
    started = time.perf_counter()
    embedder = UseEmbedder()
    embedder.embed(["warm"])  # the model loads on first use
    print(f"embed_model_load {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    matrix = embedder.embed(texts)
    print(f"embed_1000_items {time.perf_counter() - started:.2f} s")
    print(f"embed_dimensions {matrix.shape[1]} count")
    print(f"embed_peak_memory {peak_mib():.0f} MiB")


def bench_suggestions() -> None:
    rng = random.Random(3)
    ranker = Ranker(embedder=None)
    index = ranker.index(items(ITEMS, rng), vectors(ITEMS, 0))
    batch, query = requests(REQUESTS, rng), vectors(REQUESTS, 4)
    started = time.perf_counter()
    ranked = sum(len(result.ranked) for result in ranker.rank_many(index, batch, query, AS_OF, 10))
    print(f"suggestions_1000x100000 {time.perf_counter() - started:.2f} s")
    print(f"suggestions_ranked {ranked} count")
    print(f"suggestions_peak_memory {peak_mib():.0f} MiB")


SECTIONS = {"rank": bench_rank, "embed": bench_embed, "suggestions": bench_suggestions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=[*SECTIONS, "assignment"])
    chosen = parser.parse_args().only
    if chosen in SECTIONS:
        SECTIONS[chosen]()
        return
    here = Path(__file__).resolve()
    for name in [chosen] if chosen else [*SECTIONS, "assignment"]:
        command = (
            [sys.executable, str(here.with_name("matching_assignment.py"))]
            if name == "assignment"
            else [sys.executable, str(here), "--only", name]
        )
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
