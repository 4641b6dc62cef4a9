"""The generated demo county (an app without models, at the top of the layers: it may use every app).

build_county() makes a deterministic county from a seed; the seed_demo
management command and the benchmarks call it.
"""
