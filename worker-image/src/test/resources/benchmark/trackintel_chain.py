"""Benchmark tooling, not product: trackintel's chain on a GeoLife tree, timed per phase (ScaleBenchmark runs it).

Usage: python trackintel_chain.py <geolife tree>
Prints the lines ScaleBenchmark reads, in the format of tracks-worker analyze's timing lines:
  phase <name>: <seconds> s       one per phase, in order
  count <what>: <n>               fixes, stays, triplegs, trips, locations, activities
The parameters are trackintel's own (and those of the issue's comparison); analyze gets the same ones.
"""
import sys
import time

started = time.perf_counter()


def phase(name, since):
    now = time.perf_counter()
    print(f"phase {name}: {now - since:.3f} s", flush=True)
    return now


import trackintel as ti  # noqa: E402  (the import is a phase of its own: geopandas and friends take seconds)

mark = phase("python_imports", started)

pfs, _ = ti.io.read_geolife(sys.argv[1], print_progress=False)
mark = phase("read_geolife", mark)

pfs, sp = pfs.generate_staypoints(method="sliding", dist_threshold=100, time_threshold=5, gap_threshold=15,
                                  include_last=False, exclude_duplicate_pfs=True, n_jobs=1)
mark = phase("generate_staypoints", mark)

pfs, tpls = pfs.generate_triplegs(sp, method="between_staypoints", gap_threshold=15)
mark = phase("generate_triplegs", mark)

sp = sp.create_activity_flag(method="time_threshold", time_threshold=15)
mark = phase("create_activity_flag", mark)

sp, tpls, trips = sp.generate_trips(tpls, gap_threshold=15, add_geometry=True)
mark = phase("generate_trips", mark)

sp, locs = sp.generate_locations(method="dbscan", epsilon=100, num_samples=1, distance_metric="haversine",
                                 agg_level="user", n_jobs=1)
phase("generate_locations", mark)

for what, frame in (("fixes", pfs), ("stays", sp), ("triplegs", tpls), ("trips", trips), ("locations", locs)):
    print(f"count {what}: {len(frame)}", flush=True)
print(f"count activities: {int(sp['is_activity'].sum())}", flush=True)
