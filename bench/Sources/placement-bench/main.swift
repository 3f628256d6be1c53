// placement-bench: side-by-side benchmarks (see bench/README.md). Not run by `swift test`.
PlacementBench.main()
