// libtorch's thread count, seeds and determinism switches are process-wide: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
