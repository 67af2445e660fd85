namespace Repro.Data.Sampling;

/// <summary>
/// The order (and, with replacement, the multiset) of sample indices for each epoch. Draws come from
/// one generator that advances across epochs, so epoch 2 differs from epoch 1, and a checkpoint of the
/// generator's state resumes the exact sequence.
/// </summary>
public interface ISampler
{
    /// <summary>Number of indices one epoch yields.</summary>
    int EpochLength { get; }

    /// <summary>The next epoch's indices.</summary>
    long[] NextEpoch();
}
