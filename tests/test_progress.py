"""The one progress protocol (``citydip.progress``): every long operation tells
``(task, done, total or None)`` to the progress it is given, or to the default; no Rich
below the faces."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from citydip import api
from citydip.progress import Steps, chosen, default, set_default, silent
from citydip.store.database import Store

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "citydip"
DATA = Path(__file__).resolve().parent / "data"
FACES = ("cli", "report")  # the faces that draw on a terminal (web draws no progress)


class Recorder:
    """A Progress that keeps every report."""

    def __init__(self) -> None:
        self.told: list[tuple[str, int, int | None]] = []

    def __call__(self, task: str, done: int, total: int | None = None) -> None:
        self.told.append((task, done, total))

    def tasks(self) -> list[str]:
        return list(dict.fromkeys(task for task, _, _ in self.told))

    def finished(self, task: str) -> bool:
        """Whether ``task`` was told done == total at its last report."""
        last = [(done, total) for name, done, total in self.told if name == task][-1]
        return last[1] is not None and last[0] >= last[1]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def as_default(recorder: Recorder) -> Iterator[Recorder]:
    previous = set_default(recorder)
    yield recorder
    set_default(previous)


def _rich_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                f"{node.lineno}: {a.name}" for a in node.names if a.name.split(".")[0] == "rich"
            ]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "rich":
            found.append(f"{node.lineno}: {node.module}")
    return found


def test_no_rich_import_below_the_faces() -> None:
    """Progress is drawn by the faces only: the library imports no Rich, even inside a
    function."""
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in FACES:
            continue
        bad += [f"{rel}:{line}" for line in _rich_imports(path)]
    assert bad == []


def test_the_checker_sees_a_rich_import_inside_a_function(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from rich.progress import Progress\n", encoding="utf-8")
    assert _rich_imports(bad) == ["2: rich.progress"]
    assert _rich_imports(PACKAGE / "cli" / "progress.py")  # the CLI's bars use Rich


def test_the_default_is_silent_until_a_face_sets_one(recorder: Recorder) -> None:
    assert default() is silent and chosen(None) is silent
    previous = set_default(recorder)
    try:
        assert chosen(None) is recorder and chosen(silent) is silent
    finally:
        assert set_default(previous) is recorder
    assert default() is silent


def test_steps_finish_each_step_when_the_next_starts(recorder: Recorder) -> None:
    step = Steps(recorder, "Computing ")
    step("degrees")
    step("distances")
    step.finish()
    assert recorder.told == [
        ("Computing degrees", 0, None),
        ("Computing degrees", 1, 1),
        ("Computing distances", 0, None),
        ("Computing distances", 1, 1),
    ]


def test_an_import_tells_the_names_it_resolves(store: Store, recorder: Recorder) -> None:
    summary = api.import_pairs(store, DATA / "pairs-small.csv", progress=recorder)
    assert summary.added > 0
    assert recorder.tasks() == ["Resolving places"]
    counts = [done for _, done, _ in recorder.told]
    assert counts == sorted(counts) and counts[0] == 1
    assert recorder.finished("Resolving places")
    total = recorder.told[-1][2]
    assert total is not None and total == counts[-1]


def test_an_import_given_none_tells_the_default(store: Store, as_default: Recorder) -> None:
    api.import_pairs(store, DATA / "pairs-small.csv")
    assert as_default.tasks() == ["Resolving places"]


def test_silent_tells_nothing_even_with_a_default(store: Store, as_default: Recorder) -> None:
    api.import_pairs(store, DATA / "pairs-small.csv", progress=silent)
    assert as_default.told == []


def test_a_network_call_tells_each_step(sample_store: Store, recorder: Recorder) -> None:
    result = api.network_stats(sample_store, heavy=True, progress=recorder)
    assert result.to_dict()["nodes"] > 0
    tasks = recorder.tasks()
    assert tasks[0] == "Building the network"
    assert "Computing degrees and components" in tasks
    assert any(task.startswith("Computing distances") for task in tasks)
    assert all(recorder.finished(task) for task in tasks)
    again = Recorder()  # the answer is kept for the store's revision: nothing to compute
    api.network_stats(sample_store, heavy=True, progress=again)
    assert again.told == []


def test_mixing_communities_and_countries_tell_their_steps(
    sample_store: Store, recorder: Recorder
) -> None:
    api.network_homophily(sample_store, progress=recorder)
    api.network_communities(sample_store, progress=recorder)
    api.network_countries(sample_store, progress=recorder)
    assert recorder.tasks() == [
        "Building the network",
        "Computing mixing and distances",
        "Finding communities (Leiden)",
        "Counting ties between countries",
    ]
    assert all(recorder.finished(task) for task in recorder.tasks())
    again = Recorder()  # kept for the store's revision: nothing to compute or tell
    api.network_communities(sample_store, progress=again)
    assert again.told == []


def test_an_export_tells_its_steps_and_the_ties_drawn(
    sample_store: Store, recorder: Recorder
) -> None:
    result = api.network_export(
        sample_store, "geojson", None, with_communities=True, progress=recorder
    )
    assert recorder.tasks() == [
        "Building the network",
        "Finding communities (Leiden)",
        "Drawing ties",
        "Writing GeoJSON",
    ]
    drawn = [(done, total) for task, done, total in recorder.told if task == "Drawing ties"]
    assert drawn[0] == (0, result.edges) and drawn[-1] == (result.edges, result.edges)
    assert all(recorder.finished(task) for task in recorder.tasks())
    graphml = Recorder()
    api.network_export(sample_store, "graphml", None, progress=graphml)
    assert graphml.tasks() == ["Building the network", "Writing GraphML"]


def test_an_evaluation_tells_its_steps_and_the_places_ranked(
    world_store: Store, recorder: Recorder
) -> None:
    result = api.evaluate_partners(
        world_store, sources=["wikidata-p190-2016"], holdout=0.1, progress=recorder
    )
    tasks = recorder.tasks()
    assert tasks[:3] == [
        "Building the network",
        "Random split: fitting the model",
        "Random split: scoring hidden ties and non-ties",
    ]
    assert all(recorder.finished(task) for task in tasks)
    ranking = "Random split: ranking places"
    ranked = [done for task, done, total in recorder.told if task == ranking]
    assert ranked[0] == 0 and ranked[-1] == result.random.queries > 0
    assert ranked == sorted(ranked) and len(ranked) > 2


def test_a_pdf_tells_its_pages(store: Store, tmp_path: Path, recorder: Recorder) -> None:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (dev dependency) writes the PDF fixture")
    pdf = fpdf.FPDF()
    for page in range(4):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 6, f"Page {page + 1}. Lyon has been twinned with Birmingham since 1951.")
    path = tmp_path / "four.pdf"
    pdf.output(str(path))
    result = api.extract_document(store, path, progress=recorder)
    assert result.extraction.claims
    assert recorder.told == [("Reading four.pdf", n, 4) for n in (1, 2, 3, 4)]
    checked = Recorder()
    api.check_document(store, path, progress=checked)
    assert checked.told == recorder.told


def test_a_store_build_tells_its_stages(tmp_path: Path, recorder: Recorder) -> None:
    from citydip.stores import build_store

    path = tmp_path / "curated.db"
    build_store(path, world=False, progress=recorder).close()
    assert recorder.told == [(f"Building {path}", 0, 1), (f"Building {path}", 1, 1)]


def test_the_world_load_tells_three_steps(store: Store, recorder: Recorder) -> None:
    from citydip.ingest.world import LOADING, load_world

    load_world(store, progress=recorder)
    assert recorder.told == [(LOADING, n, 3) for n in range(4)]


def test_a_resolved_batch_tells_every_row(tmp_path: Path, recorder: Recorder) -> None:
    names = tmp_path / "names.csv"
    names.write_text("name,country\nKyoto,JP\nKyoto,JP\nLyon,FR\n", encoding="utf-8")
    api.resolve_names(batch=names, progress=recorder)
    assert recorder.told == [("Resolving places", n, 3) for n in (1, 2, 3)]


def test_the_protocol_is_one_shape() -> None:
    """The API's long calls all take ``progress: Progress | None = None``, keyword-only."""
    import inspect

    calls = [
        api.import_pairs,
        api.import_table,
        api.import_edges,
        api.import_wikidata,
        api.import_memberships,
        api.update_wikidata,
        api.resolve_names,
        api.download_geonames,
        api.extract_document,
        api.check_document,
        api.network_stats,
        api.network_city,
        api.network_top,
        api.evaluate_partners,
        api.network_homophily,
        api.network_communities,
        api.network_countries,
        api.network_export,
        api.rebuild_store,
    ]
    for call in calls:
        parameter = inspect.signature(call).parameters["progress"]
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, call.__name__
        assert parameter.default is None, call.__name__
        assert parameter.annotation == "Progress | None", call.__name__
