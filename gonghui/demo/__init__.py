"""The generated demo county (a plain package, not a Django app: it has no models).

build_county() makes a deterministic county from a seed; the seed_demo
management command and the benchmarks call it.
"""
