"""Step 3 of making the spatial goldens (see README.md): PySAL's contiguity and k-nearest-neighbour weights
for every case, as a second reference next to spdep. Needs the Debian package python3-libpysal; run with
Debian's Python: /usr/bin/python3 test/golden/spatial/make-expected.py <work-folder>

libpysal's Queen and Rook hash the exact vertex coordinates (Rook: shared edges), so they show what
"bitwise equal shared vertices" gives on each layer; KNN uses the committed centroids with arc distance."""
import json, os, sys, warnings
warnings.filterwarnings("ignore")
import libpysal
from libpysal.cg import asShape
from libpysal.weights import Queen, Rook, KNN

here = os.path.dirname(os.path.abspath(__file__))
work = sys.argv[1] if len(sys.argv) > 1 else "build/golden-spatial"
cases = ["grid5x5", "islands", "region-hannover-21", "hannover-stadtteile-51"]

def lists(weights, n):
    return [sorted(int(j) for j in weights.neighbors.get(i, [])) for i in range(n)]

for name in cases:
    with open(os.path.join(here, "in", f"{name}.json")) as handle:
        case = json.load(handle)
    with open(os.path.join(work, f"{name}.geojson")) as handle:
        features = json.load(handle)["features"]
    assert [feature["properties"]["key"] for feature in features] == case["keys"]
    shapes = [asShape(feature["geometry"]) for feature in features]
    n = len(shapes)
    ids = list(range(n))
    queen = Queen.from_iterable(shapes, ids=ids, silence_warnings=True)
    rook = Rook.from_iterable(shapes, ids=ids, silence_warnings=True)
    knn4 = KNN.from_array(case["centroids"], k=4, distance_metric="arc", radius=6371.0088, ids=ids)
    output = {"case": name, "libpysal": libpysal.__version__, "neighbours": {"queen": lists(queen, n), "rook": lists(rook, n), "knn4": lists(knn4, n)}}
    with open(os.path.join(here, "out", f"{name}.pysal.json"), "w") as handle:
        json.dump(output, handle, separators=(",", ":"))
        handle.write("\n")
    print(name, "queen links", sum(len(v) for v in output["neighbours"]["queen"]), "rook links", sum(len(v) for v in output["neighbours"]["rook"]))
