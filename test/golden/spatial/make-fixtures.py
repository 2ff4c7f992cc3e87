"""Writes the two small hand-made fixtures (committed): a 5 x 5 lattice and a 3 x 3 lattice with an island.
Coordinates are in degrees near Hannover so that they look like real layers; cells are 0.01 degrees."""
import json, os
here = os.path.dirname(os.path.abspath(__file__))

def square(x, y, size=0.01):
    x0, y0 = 9.6 + x * size, 52.3 + y * size
    x0, y0, x1, y1 = round(x0, 6), round(y0, 6), round(x0 + size, 6), round(y0 + size, 6)
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}

def collection(features):
    return {"type": "FeatureCollection", "features": features}

grid = [{"type": "Feature", "properties": {"key": f"g{row}{col}", "name": f"Feld {row}-{col}"}, "geometry": square(col, row)}
        for row in range(5) for col in range(5)]
islands = [{"type": "Feature", "properties": {"key": f"{'abc'[row]}{col + 1}", "name": f"Gebiet {'ABC'[row]}{col + 1}"}, "geometry": square(col, row)}
           for row in range(3) for col in range(3)]
islands.append({"type": "Feature", "properties": {"key": "insel", "name": "Insel"}, "geometry": square(5, 1)})
for name, features in (("grid5x5", grid), ("islands", islands)):
    with open(os.path.join(here, "in", f"{name}.geojson"), "w") as handle:
        json.dump(collection(features), handle, separators=(",", ":"))
        handle.write("\n")
