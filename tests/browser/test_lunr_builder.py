"""The worker's faster lunr.Builder methods build the same index as lunr's own, in Chromium.

The seed site's patched search worker and Material's own worker each run in a
worker of their own. Once the first message has gone through the worker's
listeners (the patched one replaces the methods then), both build a lunr index
of the seed site's search documents with the same settings, and the two
serialised indexes are compared.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ita_site.site import site_assets
from site_fixtures import seed_site  # noqa: F401

pytestmark = pytest.mark.browser

#: Appended to each worker: on message 99, build an index of the given documents.
BUILD_INDEX = """
addEventListener("message", function (event) {
  if (!event.data || event.data.type !== 99) return;
  var docs = event.data.data.docs;
  var index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.metadataWhitelist = ["position"];
    this.ref("location");
    this.field("title", { boost: 1000 });
    this.field("text");
    this.field("tags", { boost: 1000000 });
    for (var i = 0; i < docs.length; i++) this.add(docs[i], { boost: docs[i].boost });
  });
  postMessage({ index: JSON.stringify(index), add: String(lunr.Builder.prototype.add) });
});
"""

#: Runs a worker script from a blob, sends message 99 and returns its answer.
RUN_WORKER = """
async ([source, docs]) => {
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  try {
    return await new Promise((resolve, reject) => {
      worker.onmessage = event => { if (event.data && "index" in event.data) resolve(event.data); };
      worker.onerror = event => reject(new Error(event.message));
      worker.postMessage({ type: 99, data: { config: { pipeline: [] }, docs } });
    });
  } finally {
    worker.terminate();
  }
}
"""


def _material_worker(patched: Path) -> str:
    """Material's own search worker, as shipped in the installed theme."""
    import material

    theme = Path(material.__file__).resolve().parent / "templates"
    return (theme / patched.relative_to(patched.parents[3])).read_text(encoding="utf-8")


def test_faster_builder_builds_the_same_index(seed_site: Path, serve, page) -> None:
    [worker] = sorted(seed_site.glob(site_assets.WORKER_GLOB))
    patched = worker.read_text(encoding="utf-8")
    original = _material_worker(worker)
    assert site_assets.WORKER_MARKER not in original
    docs = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert len(docs) > 50

    # The site's own origin, but not one of its pages: their policy rightly refuses a worker from a blob.
    page.goto(serve(seed_site) + "search/search_index.json")
    ours = page.evaluate(RUN_WORKER, [patched + BUILD_INDEX, docs])
    lunrs = page.evaluate(RUN_WORKER, [original + BUILD_INDEX, docs])

    assert ours["add"] != lunrs["add"]  # the patched worker did replace lunr's method
    index = json.loads(ours["index"])
    assert index["version"] == "2.3.9"
    assert len(index["fieldVectors"]) >= len(docs) and len(index["invertedIndex"]) > 500
    assert ours["index"] == lunrs["index"]
